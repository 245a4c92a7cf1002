import { type Answer, type Body, unwrap } from '@tollgate/api-client';
import { useCallback, useState } from 'react';
import { useOutletContext, useParams } from 'react-router';
import { api } from '../../api';
import { CommaListInput } from '../../components/comma-list-input';
import { DetailPage } from '../../components/detail-page';
import { detailTabs } from '../../components/entity-tabs';
import { Field } from '../../components/field';
import { ListPage, type ListQuery } from '../../components/list-page';
import { IdField, NewForm } from '../../components/new-form';
import { ProblemBanner, type ProblemState, useAction, useProblem } from '../../components/problem';
import { SaveBar, useStaged } from '../../components/staged';
import { useLoaded } from '../../components/use-loaded';
import { useGroupNavigate } from '../../shell/server-group';
import { ApplicationsNav } from './applications-nav';
import { useOrganizationOptions } from './options';
import { ProductChoices } from './product-choices';

type Organization = Answer<'getOrganization'>;
type OrganizationInput = Required<Pick<Body<'createOrganization'>, 'name' | 'parentId' | 'administrators' | 'productIds'>>;

/** Organizations: groups of clients, each offering some products to its clients. */
export function OrganizationsList() {
  const load = useCallback((query: ListQuery) => unwrap(api.GET('/api/v1/organizations', { params: { query } })), []);
  return (
    <>
      <ApplicationsNav />
      <ListPage<Organization>
        title="Organizations"
        load={load}
        newPath="/organizations/new"
        detailPath={(organization) => `/organizations/${organization.id}/configuration`}
        columns={[
          { header: 'Organization', cell: (organization) => organization.name },
          { header: 'Id', cell: (organization) => organization.id },
          { header: 'Parent', cell: (organization) => organization.parentId ?? '—' },
          { header: 'Products', cell: (organization) => organization.productIds.length },
          { header: 'Administrator', cell: (organization) => organization.administrators[0] ?? '—' },
        ]}
        empty={<>No organization yet. Create one with New, choose the products it offers, then add clients to it.</>}
      />
    </>
  );
}

/** The tabs of one organization; each tab reads it from the outlet context. */
export function OrganizationDetail() {
  const { id = '' } = useParams();
  const [organization, setOrganization, problem] = useLoaded(
    () => unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id } } })),
    [id],
  );
  return (
    <DetailPage
      title={organization?.name ?? id}
      subtitle={`Organization ${id}`}
      problem={problem}
      base={`/organizations/${id}`}
      tabs={detailTabs(false)}
      context={organization && ({ organization, setOrganization } satisfies OrganizationContext)}
    />
  );
}

interface OrganizationContext {
  organization: Organization;
  setOrganization: (organization: Organization) => void;
}

/** The organization's fields, staged until Save. Its parent is fixed once created. */
export function OrganizationConfiguration() {
  const { organization, setOrganization } = useOutletContext<OrganizationContext>();
  const staged = useStaged<OrganizationInput>(organization);
  const problem = useProblem();
  const action = useAction(problem);
  const draft = staged.draft ?? organization;

  const save = action.submit(async () => {
    const { name, administrators, productIds } = draft;
    setOrganization(
      await unwrap(
        api.PATCH('/api/v1/organizations/{id}', {
          params: { path: { id: organization.id } },
          body: { name, administrators, productIds },
        }),
      ),
    );
  });

  return (
    <form className="form" onSubmit={save} aria-label="Organization configuration">
      <ProblemBanner problem={problem} />
      <OrganizationFields organization={draft} set={staged.patch} problem={problem} self={organization.id} />
      <SaveBar dirty={staged.dirty} busy={action.busy} onReset={staged.reset} />
    </form>
  );
}

/** The fields of an organization, shared by New and Configuration (where the parent cannot change). */
function OrganizationFields({
  organization,
  set,
  problem,
  self,
}: {
  organization: OrganizationInput;
  set: (values: Partial<OrganizationInput>) => void;
  problem: ProblemState;
  /** The organization's own id once it exists: its parent is then fixed. */
  self?: string;
}) {
  const organizations = useOrganizationOptions();
  return (
    <>
      <Field label="Name" error={problem.field('name')}>
        <input name="name" value={organization.name} onChange={(event) => set({ name: event.target.value })} />
      </Field>
      <Field
        label="Parent organization"
        hint={self === undefined ? 'A sub-organization offers only products its parent offers; fixed once created' : 'Fixed once created'}
        error={problem.field('parentId')}
      >
        <select
          name="parentId"
          value={organization.parentId ?? ''}
          disabled={self !== undefined}
          onChange={(event) => set({ parentId: event.target.value === '' ? null : event.target.value })}
        >
          <option value="">None (a root organization)</option>
          {organizations
            ?.filter((other) => other.id !== self)
            .map((other) => (
              <option key={other.id} value={other.id}>
                {other.name} ({other.id})
              </option>
            ))}
        </select>
      </Field>
      <Field
        label="Administrators"
        hint="Client e-mail addresses, comma-separated; the first is the primary"
        error={problem.under('administrators', organization.administrators)}
      >
        <CommaListInput name="administrators" value={organization.administrators} onChange={(administrators) => set({ administrators })} />
      </Field>
      <ProductChoices
        legend="Products offered"
        chosen={organization.productIds}
        onChange={(productIds) => {
          // Ticking shifts the indices the API's messages name (`productIds.1`): they no longer apply.
          problem.clear();
          set({ productIds });
        }}
        error={(index) => problem.field(index === undefined ? 'productIds' : `productIds.${index}`)}
      />
    </>
  );
}

/** Creates an organization. */
export function NewOrganization() {
  const [draft, setDraft] = useState<OrganizationInput & { id: string }>({
    id: '',
    name: '',
    parentId: null,
    administrators: [],
    productIds: [],
  });
  const problem = useProblem();
  const navigate = useGroupNavigate();
  const create = async () => {
    const organization = await unwrap(
      api.POST('/api/v1/organizations', { body: { ...draft, id: draft.id === '' ? undefined : draft.id } }),
    );
    navigate(`/organizations/${organization.id}/configuration`);
  };
  return (
    <NewForm title="New organization" problem={problem} onCreate={create}>
      <IdField value={draft.id} onChange={(id) => setDraft({ ...draft, id })} error={problem.field('id')} />
      <OrganizationFields organization={draft} set={(values) => setDraft({ ...draft, ...values })} problem={problem} />
    </NewForm>
  );
}
