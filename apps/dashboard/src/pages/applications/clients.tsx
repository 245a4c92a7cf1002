import { type Answer, unwrap } from '@tollgate/api-client';
import { useCallback, useState } from 'react';
import { useOutletContext, useParams } from 'react-router';
import { api } from '../../api';
import { DetailPage } from '../../components/detail-page';
import { detailTabs } from '../../components/entity-tabs';
import { Field } from '../../components/field';
import { ListPage, type ListQuery } from '../../components/list-page';
import { IdField, NewForm } from '../../components/new-form';
import { ProblemBanner, useAction, useProblem } from '../../components/problem';
import { SaveBar, useStaged } from '../../components/staged';
import { useLoaded } from '../../components/use-loaded';
import { useGroupNavigate } from '../../shell/server-group';
import { ApplicationsNav } from './applications-nav';
import { type AttributeRows, AttributesEditor, attributesOf, rowsOf } from './attributes-editor';
import { useOrganizationOptions } from './options';

type Client = Answer<'getClient'>;

/** What the client forms edit: the attributes as rows, turned into a map on Save. */
interface ClientForm {
  name: string;
  email: string;
  status: Client['status'];
  organizationId: string | null;
  attributes: AttributeRows;
}

const formOf = (client: Client): ClientForm => ({
  name: client.name,
  email: client.email,
  status: client.status,
  organizationId: client.organizationId,
  attributes: rowsOf(client.attributes),
});

/** The clients: the applications (and their developers) that call the APIs. */
export function ClientsList() {
  const load = useCallback((query: ListQuery) => unwrap(api.GET('/api/v1/clients', { params: { query } })), []);
  return (
    <>
      <ApplicationsNav />
      <ListPage<Client>
        title="Clients"
        load={load}
        newPath="/clients/new"
        detailPath={(client) => `/clients/${client.id}/configuration`}
        columns={[
          { header: 'Client', cell: (client) => client.name },
          { header: 'E-mail', cell: (client) => client.email },
          { header: 'Status', cell: (client) => <span className={`badge ${client.status}`}>{client.status}</span> },
          { header: 'Id', cell: (client) => client.id },
          { header: 'Organization', cell: (client) => client.organizationId ?? '—' },
        ]}
        empty={<>No client yet. Create one with New, then give it a subscription to the products it may call.</>}
      />
    </>
  );
}

/** The tabs of one client; each tab reads it from the outlet context. */
export function ClientDetail() {
  const { id = '' } = useParams();
  const [client, setClient, problem] = useLoaded(() => unwrap(api.GET('/api/v1/clients/{id}', { params: { path: { id } } })), [id]);
  return (
    <DetailPage
      title={client?.name ?? id}
      subtitle={`Client ${id}`}
      badge={client !== undefined && <span className={`badge ${client.status}`}>{client.status}</span>}
      problem={problem}
      base={`/clients/${id}`}
      tabs={detailTabs(true)}
      context={client && ({ client, setClient } satisfies ClientContext)}
    />
  );
}

/** What the tabs of a client share. */
export interface ClientContext {
  client: Client;
  setClient: (client: Client) => void;
}

/** The client's fields, staged until Save. */
export function ClientConfiguration() {
  const { client, setClient } = useOutletContext<ClientContext>();
  const saved = formOf(client);
  const staged = useStaged(saved);
  const problem = useProblem();
  const [local, setLocal] = useState<Record<string, string>>({});
  const action = useAction(problem);
  const draft = staged.draft ?? saved;

  const save = action.submit(async () => {
    const checked = attributesOf(draft.attributes);
    setLocal('errors' in checked ? checked.errors : {});
    if ('errors' in checked) return;
    const { name, email, status, organizationId } = draft;
    setClient(
      await unwrap(
        api.PATCH('/api/v1/clients/{id}', {
          params: { path: { id: client.id } },
          body: { name, email, status, organizationId, attributes: checked.attributes },
        }),
      ),
    );
  });

  return (
    <form className="form" onSubmit={save} aria-label="Client configuration">
      <ProblemBanner problem={problem} />
      <ClientFields
        client={draft}
        set={staged.patch}
        field={(path) => local[path] ?? problem.field(path)}
        onRestructure={() => {
          setLocal({});
          problem.clear();
        }}
      />
      <SaveBar
        dirty={staged.dirty}
        busy={action.busy}
        onReset={() => {
          staged.reset();
          setLocal({});
        }}
      />
    </form>
  );
}

/** The fields of a client, shared by New and Configuration. */
function ClientFields({
  client,
  set,
  field,
  onRestructure,
}: {
  client: ClientForm;
  set: (values: Partial<ClientForm>) => void;
  field: (path: string) => string | undefined;
  /** Clears the messages, which name attributes by index, when an attribute is added or removed. */
  onRestructure: () => void;
}) {
  const organizations = useOrganizationOptions();
  return (
    <>
      <Field label="Name" error={field('name')}>
        <input name="name" value={client.name} onChange={(event) => set({ name: event.target.value })} />
      </Field>
      <Field label="E-mail" error={field('email')}>
        <input name="email" type="email" value={client.email} onChange={(event) => set({ email: event.target.value })} />
      </Field>
      <Field label="Status" hint="An inactive client's keys stop working" error={field('status')}>
        <select name="status" value={client.status} onChange={(event) => set({ status: event.target.value as Client['status'] })}>
          <option value="active">active</option>
          <option value="inactive">inactive</option>
        </select>
      </Field>
      <Field label="Organization" hint="Its subscriptions may hold only products the organization offers" error={field('organizationId')}>
        <select
          name="organizationId"
          value={client.organizationId ?? ''}
          onChange={(event) => set({ organizationId: event.target.value === '' ? null : event.target.value })}
        >
          <option value="">None</option>
          {organizations?.map((organization) => (
            <option key={organization.id} value={organization.id}>
              {organization.name} ({organization.id})
            </option>
          ))}
        </select>
      </Field>
      <AttributesEditor
        rows={client.attributes}
        onChange={(attributes) => set({ attributes })}
        onRestructure={onRestructure}
        field={field}
      />
    </>
  );
}

/** Creates a client. */
export function NewClient() {
  const [draft, setDraft] = useState<ClientForm & { id: string }>({
    id: '',
    name: '',
    email: '',
    status: 'active',
    organizationId: null,
    attributes: [],
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const problem = useProblem();
  const navigate = useGroupNavigate();
  const create = async () => {
    const checked = attributesOf(draft.attributes);
    setLocal('errors' in checked ? checked.errors : {});
    if ('errors' in checked) return;
    const client = await unwrap(
      api.POST('/api/v1/clients', {
        body: { ...draft, id: draft.id === '' ? undefined : draft.id, attributes: checked.attributes },
      }),
    );
    navigate(`/clients/${client.id}/configuration`);
  };
  return (
    <NewForm title="New client" problem={problem} onCreate={create}>
      <IdField value={draft.id} onChange={(id) => setDraft({ ...draft, id })} error={problem.field('id')} />
      <ClientFields
        client={draft}
        set={(values) => setDraft({ ...draft, ...values })}
        field={(path) => local[path] ?? problem.field(path)}
        onRestructure={() => {
          setLocal({});
          problem.clear();
        }}
      />
    </NewForm>
  );
}
