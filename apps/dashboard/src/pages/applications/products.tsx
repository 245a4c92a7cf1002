import { type Answer, type Body, unwrap } from '@tollgate/api-client';
import { useCallback, useState } from 'react';
import { useOutletContext, useParams } from 'react-router';
import { api } from '../../api';
import { CommaListInput } from '../../components/comma-list-input';
import { DetailPage } from '../../components/detail-page';
import { detailTabs } from '../../components/entity-tabs';
import { Field, FieldError } from '../../components/field';
import { ListPage, type ListQuery } from '../../components/list-page';
import { NameFields } from '../../components/name-fields';
import { IdField, NewForm } from '../../components/new-form';
import { ProblemBanner, type ProblemState, useAction, useProblem } from '../../components/problem';
import { SaveBar, useStaged } from '../../components/staged';
import { useLoaded } from '../../components/use-loaded';
import { useGroupNavigate, useServerGroup, useServerGroupIds } from '../../shell/server-group';
import { ApplicationsNav } from './applications-nav';

type Product = Answer<'getProduct'>;

/** Products offered in the chosen server group. */
export function ProductsList() {
  const [group] = useServerGroup();
  const load = useCallback(
    (query: ListQuery) => unwrap(api.GET('/api/v1/products', { params: { query: { ...query, serverGroupId: group } } })),
    [group],
  );
  return (
    <>
      <ApplicationsNav />
      <ListPage<Product>
        title="Products"
        load={load}
        newPath="/products/new"
        detailPath={(product) => `/products/${product.id}/configuration`}
        columns={[
          { header: 'Product', cell: (product) => product.name },
          { header: 'Id', cell: (product) => product.id },
          { header: 'Access', cell: (product) => product.access },
          { header: 'Key approval', cell: (product) => product.keyApproval },
          { header: 'Projects', cell: (product) => product.projectIds.length },
        ]}
        empty={<>No product in this server group yet. Create one with New, then add API projects to it.</>}
      />
    </>
  );
}

/** The tabs of one product; each tab reads the product from the outlet context. */
export function ProductDetail() {
  const { id = '' } = useParams();
  const [product, setProduct, problem] = useLoaded(() => unwrap(api.GET('/api/v1/products/{id}', { params: { path: { id } } })), [id]);
  return (
    <DetailPage
      title={product?.name ?? id}
      subtitle={`Product ${id}`}
      problem={problem}
      base={`/products/${id}`}
      tabs={detailTabs(true)}
      context={product && ({ product, setProduct } satisfies ProductContext)}
    />
  );
}

/** What the tabs of a product share. */
export interface ProductContext {
  product: Product;
  setProduct: (product: Product) => void;
}

/** The product's fields, staged until Save. */
export function ProductConfiguration() {
  const { product, setProduct } = useOutletContext<ProductContext>();
  const staged = useStaged(product);
  const problem = useProblem();
  const action = useAction(problem);
  const draft = staged.draft ?? product;

  const save = action.submit(async () => {
    const { name, description, access, keyApproval, scopes, quota, projectIds, serverGroupIds } = draft;
    setProduct(
      await unwrap(
        api.PATCH('/api/v1/products/{id}', {
          params: { path: { id: product.id } },
          body: { name, description, access, keyApproval, scopes, quota, projectIds, serverGroupIds },
        }),
      ),
    );
  });

  return (
    <form className="form" onSubmit={save} aria-label="Product configuration">
      <ProblemBanner problem={problem} />
      <ProductFields product={draft} set={staged.patch} problem={problem} />
      <SaveBar dirty={staged.dirty} busy={action.busy} onReset={staged.reset} />
    </form>
  );
}

/** The editable fields of a product, shared by the new-product form and Configuration. */
function ProductFields({
  product,
  set,
  problem,
}: {
  product: ProductInput;
  set: (values: Partial<ProductInput>) => void;
  problem: ProblemState;
}) {
  const { field } = problem;
  const groups = useServerGroupIds() ?? [];
  const groupError = problem.under('serverGroupIds', product.serverGroupIds);
  return (
    <>
      <NameFields value={product} set={set} field={field} />
      <Field label="Access" error={field('access')}>
        <select
          name="access"
          value={product.access ?? 'public'}
          onChange={(event) => set({ access: event.target.value as Product['access'] })}
        >
          <option value="public">public</option>
          <option value="private">private</option>
        </select>
      </Field>
      <Field label="Key approval" error={field('keyApproval')}>
        <select
          name="keyApproval"
          value={product.keyApproval ?? 'automatic'}
          onChange={(event) => set({ keyApproval: event.target.value as Product['keyApproval'] })}
        >
          <option value="automatic">automatic</option>
          <option value="manual">manual</option>
        </select>
      </Field>
      <Field label="API projects" hint="Project ids, comma-separated" error={problem.under('projectIds', product.projectIds)}>
        <CommaListInput name="projectIds" value={product.projectIds ?? []} onChange={(projectIds) => set({ projectIds })} />
      </Field>
      <fieldset className="field">
        <legend className="field-label">Server groups</legend>
        {groups.map((group) => (
          <label key={group} className="inline">
            <input
              type="checkbox"
              name={`serverGroup-${group}`}
              checked={(product.serverGroupIds ?? []).includes(group)}
              onChange={(event) =>
                set({
                  serverGroupIds: event.target.checked
                    ? [...(product.serverGroupIds ?? []), group]
                    : (product.serverGroupIds ?? []).filter((id) => id !== group),
                })
              }
            />
            {group}
          </label>
        ))}
        <FieldError message={groupError} />
      </fieldset>
      <Field label="OAuth scopes" hint="Comma-separated" error={field('scopes')}>
        <CommaListInput name="scopes" value={product.scopes ?? []} onChange={(scopes) => set({ scopes })} />
      </Field>
      <Field label="Quota (calls per period; empty: unlimited)" error={field('quota.limit') ?? field('quota')}>
        <span className="inline">
          <input
            name="quotaLimit"
            type="number"
            min={1}
            value={product.quota?.limit ?? ''}
            onChange={(event) =>
              set({ quota: event.target.value === '' ? null : { limit: Number(event.target.value), unit: product.quota?.unit ?? 'day' } })
            }
          />
          <select
            name="quotaUnit"
            aria-label="Quota period"
            value={product.quota?.unit ?? 'day'}
            disabled={product.quota == null}
            onChange={(event) => product.quota != null && set({ quota: { ...product.quota, unit: event.target.value as 'day' } })}
          >
            {['minute', 'hour', 'day', 'month'].map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </span>
      </Field>
    </>
  );
}

type ProductInput = Body<'createProduct'>;

/** Creates a product, offered in the chosen server group to begin with. */
export function NewProduct() {
  const [group] = useServerGroup();
  const [draft, setDraft] = useState<ProductInput>({ id: '', name: '', serverGroupIds: [group], projectIds: [], quota: null });
  const problem = useProblem();
  const navigate = useGroupNavigate();
  const create = async () => {
    const product = await unwrap(api.POST('/api/v1/products', { body: { ...draft, id: draft.id === '' ? undefined : draft.id } }));
    navigate(`/products/${product.id}/configuration`);
  };
  return (
    <NewForm title="New product" problem={problem} onCreate={create}>
      <IdField value={draft.id ?? ''} onChange={(id) => setDraft({ ...draft, id })} error={problem.field('id')} />
      <ProductFields product={draft} set={(values) => setDraft({ ...draft, ...values })} problem={problem} />
    </NewForm>
  );
}
