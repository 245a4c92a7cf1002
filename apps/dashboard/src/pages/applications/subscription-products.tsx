import { type Answer, unwrap } from '@tollgate/api-client';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { formatMoney } from './money';
import { ProductChoices } from './product-choices';

/** A subscribed product as the forms edit it: the product and its chosen rate plan (null: none). */
export interface ProductChoice {
  productId: string;
  ratePlanId: string | null;
}

type RatePlan = Answer<'listRatePlans'>['items'][number];

/** The products of a subscription, each ticked with an optional rate plan; messages by index (`products.1.ratePlanId`). */
export function SubscriptionProducts({
  value,
  onChange,
  onRestructure,
  field,
}: {
  value: readonly ProductChoice[];
  onChange: (products: ProductChoice[]) => void;
  /** Called when a product is ticked or unticked: the messages name products by index, so they no longer apply (clear them). */
  onRestructure: () => void;
  field: (path: string) => string | undefined;
}) {
  return (
    <ProductChoices
      legend="Products"
      chosen={value.map((entry) => entry.productId)}
      onChange={(ids) => {
        onRestructure();
        onChange(ids.map((productId) => value.find((entry) => entry.productId === productId) ?? { productId, ratePlanId: null }));
      }}
      error={(index) =>
        index === undefined ? field('products') : (field(`products.${index}.productId`) ?? field(`products.${index}.ratePlanId`))
      }
      extra={(productId, index) => (
        <RatePlanSelect
          productId={productId}
          value={value[index]?.ratePlanId ?? null}
          onChange={(ratePlanId) => onChange(value.map((entry, at) => (at === index ? { productId, ratePlanId } : entry)))}
        />
      )}
    />
  );
}

/** The rate plans of one product, to choose the one a subscription is charged by. */
function RatePlanSelect({
  productId,
  value,
  onChange,
}: {
  productId: string;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const [plans, setPlans] = useState<RatePlan[] | undefined>();
  useEffect(() => {
    let current = true;
    unwrap(api.GET('/api/v1/products/{id}/rate-plans', { params: { path: { id: productId } } })).then(
      (answer) => current && setPlans(answer.items),
      () => current && setPlans([]),
    );
    return () => {
      current = false;
    };
  }, [productId]);
  const price = (plan: RatePlan) => {
    const first = plan.rates[0];
    return first === undefined ? plan.currency : `from ${formatMoney(first.price, plan.currency)} a call`;
  };
  return (
    <select
      name={`ratePlan-${productId}`}
      aria-label={`Rate plan for ${productId}`}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
    >
      <option value="">{plans?.length === 0 ? 'No rate plan (the product has none)' : 'No rate plan'}</option>
      {plans?.map((plan) => (
        <option key={plan.id} value={plan.id}>
          {plan.name} ({plan.mode}, {price(plan)})
        </option>
      ))}
      {/* A chosen plan not in the list (ended since) still shows what is saved. */}
      {value !== null && plans !== undefined && !plans.some((plan) => plan.id === value) && <option value={value}>{value}</option>}
    </select>
  );
}
