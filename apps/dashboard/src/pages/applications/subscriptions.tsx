import { type Answer, unwrap } from '@tollgate/api-client';
import { useCallback, useEffect, useState } from 'react';
import { useOutletContext, useParams } from 'react-router';
import { api } from '../../api';
import { DetailPage } from '../../components/detail-page';
import { detailTabs } from '../../components/entity-tabs';
import { Field } from '../../components/field';
import { ListPage, type ListQuery } from '../../components/list-page';
import { NameFields } from '../../components/name-fields';
import { IdField, NewForm } from '../../components/new-form';
import { ProblemBanner, type ProblemState, useAction, useProblem } from '../../components/problem';
import { SaveBar, useStaged } from '../../components/staged';
import { type SetLoaded, useLoaded } from '../../components/use-loaded';
import { GroupLink, useGroupNavigate } from '../../shell/server-group';
import { ApplicationsNav } from './applications-nav';
import { forget, handOver, type KeyPair, pairsOf, peek } from './fresh-keys';
import { useClientOptions } from './options';
import { KeyCard, type SubscribedProduct, withoutPair } from './subscription-keys';
import { type ProductChoice, SubscriptionProducts } from './subscription-products';

type Subscription = Answer<'getSubscription'>;

/** What the subscription forms edit; an empty redirect URI is none. */
interface SubscriptionForm {
  name: string;
  description: string;
  status: Subscription['status'];
  redirectUri: string;
  products: ProductChoice[];
}

const formOf = (subscription: Subscription): SubscriptionForm => ({
  name: subscription.name,
  description: subscription.description,
  status: subscription.status,
  redirectUri: subscription.redirectUri ?? '',
  products: subscription.products.map(({ productId, ratePlanId }) => ({ productId, ratePlanId })),
});

/** Client subscriptions: which products a client may call, with a key per product. */
export function SubscriptionsList() {
  const load = useCallback((query: ListQuery) => unwrap(api.GET('/api/v1/subscriptions', { params: { query } })), []);
  return (
    <>
      <ApplicationsNav />
      <ListPage<Subscription>
        title="Client Subscriptions"
        load={load}
        newPath="/subscriptions/new"
        detailPath={(subscription) => `/subscriptions/${subscription.id}/configuration`}
        columns={[
          { header: 'Subscription', cell: (subscription) => subscription.name },
          { header: 'Client', cell: (subscription) => subscription.clientId },
          { header: 'Status', cell: (subscription) => <span className={`badge ${subscription.status}`}>{subscription.status}</span> },
          { header: 'Id', cell: (subscription) => subscription.id },
          { header: 'Products', cell: (subscription) => subscription.products.map((entry) => entry.productId).join(', ') },
        ]}
        empty={<>No subscription yet. Create one with New: choose a client and the products it may call; each gets a key.</>}
      />
    </>
  );
}

/** What the tabs of a subscription share: it, and the key pairs issued while this page is open. */
export interface SubscriptionContext {
  subscription: Subscription;
  /** A new subscription, or an update of the current one (a key action, while a Save may answer too). */
  setSubscription: SetLoaded<Subscription>;
  pairs: Readonly<Record<string, KeyPair>>;
  reveal: (pairs: Record<string, KeyPair>) => void;
}

/** The tabs of one subscription (remounted per subscription, so no key pair shows on another's page). */
export function SubscriptionDetail() {
  const { id = '' } = useParams();
  return <SubscriptionPage key={id} id={id} />;
}

function SubscriptionPage({ id }: { id: string }) {
  const [subscription, setSubscription, problem] = useLoaded(
    () => unwrap(api.GET('/api/v1/subscriptions/{id}', { params: { path: { id } } })),
    [id],
  );
  // Pairs handed over by New are shown while this page is open, and never again.
  const [pairs, setPairs] = useState<Record<string, KeyPair>>(() => peek(id));
  useEffect(() => forget(id), [id]);
  const reveal = useCallback((issued: Record<string, KeyPair>) => setPairs((current) => ({ ...current, ...issued })), []);
  return (
    <DetailPage
      title={subscription?.name ?? id}
      subtitle={
        <>
          Subscription {id}
          {subscription !== undefined && (
            <>
              {' '}
              of client <GroupLink to={`/clients/${subscription.clientId}/configuration`}>{subscription.clientId}</GroupLink>
            </>
          )}
        </>
      }
      badge={subscription !== undefined && <span className={`badge ${subscription.status}`}>{subscription.status}</span>}
      problem={problem}
      base={`/subscriptions/${id}`}
      tabs={detailTabs(true)}
      context={subscription && ({ subscription, setSubscription, pairs, reveal } satisfies SubscriptionContext)}
    />
  );
}

/** The keys of the subscribed products, then the subscription's fields, staged until Save. */
export function SubscriptionConfiguration() {
  const { subscription, setSubscription, pairs, reveal } = useOutletContext<SubscriptionContext>();
  // A key action changes the subscription but not its form: the staged edits stay (useStaged compares content).
  const saved = formOf(subscription);
  const staged = useStaged(saved);
  const problem = useProblem();
  const action = useAction(problem);
  const draft = staged.draft ?? saved;

  const save = action.submit(async () => {
    const answer = await unwrap(
      api.PATCH('/api/v1/subscriptions/{id}', {
        params: { path: { id: subscription.id } },
        body: { ...draft, redirectUri: draft.redirectUri === '' ? null : draft.redirectUri },
      }),
    );
    // A product added by this Save comes with its new pair: show it here, once.
    reveal(pairsOf(answer.products));
    setSubscription({ ...answer, products: answer.products.map(withoutPair) });
  });

  const replaceEntry = (entry: SubscribedProduct, pair: KeyPair | undefined) => {
    if (pair !== undefined) reveal({ [entry.productId]: pair });
    // From the current subscription, not this render's: a Save or another key's action may have answered since.
    setSubscription((current) => ({
      ...current,
      products: current.products.map((product) => (product.productId === entry.productId ? entry : product)),
    }));
  };

  return (
    <>
      <section className="panel" aria-label="Keys">
        <h2>Keys</h2>
        {subscription.products.length === 0 ? (
          <div className="empty">No product yet: tick the products this client may call below and Save; each gets its own key.</div>
        ) : (
          <div className="cards">
            {subscription.products.map((entry) => (
              <KeyCard
                key={entry.productId}
                subscriptionId={subscription.id}
                entry={entry}
                pair={pairs[entry.productId]}
                onChange={replaceEntry}
              />
            ))}
          </div>
        )}
      </section>
      <form className="form" onSubmit={save} aria-label="Subscription configuration">
        <h2>Settings</h2>
        <ProblemBanner problem={problem} />
        <SubscriptionFields subscription={draft} set={staged.patch} problem={problem} />
        <SaveBar dirty={staged.dirty} busy={action.busy} onReset={staged.reset} />
      </form>
    </>
  );
}

/** The fields of a subscription, shared by New and Configuration. */
function SubscriptionFields({
  subscription,
  set,
  problem,
}: {
  subscription: SubscriptionForm;
  set: (values: Partial<SubscriptionForm>) => void;
  problem: ProblemState;
}) {
  const { field } = problem;
  return (
    <>
      <NameFields value={subscription} set={set} field={field} />
      <Field label="Status" hint="Pending and revoked subscriptions' keys do not work" error={field('status')}>
        <select
          name="status"
          value={subscription.status}
          onChange={(event) => set({ status: event.target.value as Subscription['status'] })}
        >
          <option value="active">active</option>
          <option value="pending">pending</option>
          <option value="revoked">revoked</option>
        </select>
      </Field>
      <Field label="Redirect URI" hint="For OAuth; empty: none" error={field('redirectUri')}>
        <input name="redirectUri" value={subscription.redirectUri} onChange={(event) => set({ redirectUri: event.target.value })} />
      </Field>
      <SubscriptionProducts
        value={subscription.products}
        onChange={(products) => set({ products })}
        onRestructure={problem.clear}
        field={field}
      />
    </>
  );
}

/** Creates a subscription; its key pairs go to its page, which shows them once. */
export function NewSubscription() {
  const clients = useClientOptions();
  const [draft, setDraft] = useState<SubscriptionForm & { id: string; clientId: string }>({
    id: '',
    clientId: '',
    name: '',
    description: '',
    status: 'active',
    redirectUri: '',
    products: [],
  });
  const problem = useProblem();
  const navigate = useGroupNavigate();
  const create = async () => {
    const subscription = await unwrap(
      api.POST('/api/v1/subscriptions', {
        body: {
          ...draft,
          id: draft.id === '' ? undefined : draft.id,
          redirectUri: draft.redirectUri === '' ? null : draft.redirectUri,
        },
      }),
    );
    handOver(subscription.id, pairsOf(subscription.products));
    navigate(`/subscriptions/${subscription.id}/configuration`);
  };
  const set = (values: Partial<typeof draft>) => setDraft({ ...draft, ...values });
  return (
    <NewForm title="New subscription" problem={problem} onCreate={create}>
      <IdField value={draft.id} onChange={(id) => set({ id })} error={problem.field('id')} />
      <Field label="Client" hint="Fixed once created" error={problem.field('clientId')}>
        <select name="clientId" value={draft.clientId} onChange={(event) => set({ clientId: event.target.value })}>
          <option value="">Choose a client</option>
          {clients?.map((client) => (
            <option key={client.id} value={client.id}>
              {client.name} ({client.email})
            </option>
          ))}
        </select>
      </Field>
      {clients?.length === 0 && (
        <p className="muted">
          No client yet: create one under <GroupLink to="/clients/new">Clients</GroupLink> first.
        </p>
      )}
      <SubscriptionFields subscription={draft} set={set} problem={problem} />
    </NewForm>
  );
}
