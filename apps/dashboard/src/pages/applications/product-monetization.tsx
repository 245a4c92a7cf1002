import { type Answer, unwrap } from '@tollgate/api-client';
import { useOutletContext } from 'react-router';
import { api } from '../../api';
import { ConfirmButton } from '../../components/confirm-button';
import { ProblemBanner, useAction } from '../../components/problem';
import { useLoaded } from '../../components/use-loaded';
import { formatMoney } from './money';
import type { ProductContext } from './products';
import { RatePlanForm } from './rate-plan-form';
import { SuccessCriteriaForm } from './success-criteria';
import { TablePanel } from './table-panel';

type ProductMonetization = Answer<'getProductMonetization'>;
type RatePlan = ProductMonetization['ratePlans'][number];

const day = (iso: string) => new Date(iso).toLocaleDateString();

/** A product's money: its rate plans (add, delete), revenue this month, and which calls are billable. */
export function ProductMonetizationTab() {
  const { product } = useOutletContext<ProductContext>();
  const [money, , problem, reload] = useLoaded(
    () => unwrap(api.GET('/api/v1/products/{id}/monetization', { params: { path: { id: product.id } } })),
    [product.id],
  );
  const action = useAction(problem);

  const remove = (plan: RatePlan) =>
    action.run(async () => {
      await unwrap(api.DELETE('/api/v1/products/{id}/rate-plans/{planId}', { params: { path: { id: product.id, planId: plan.id } } }));
      await reload();
    });

  return (
    <div>
      <ProblemBanner problem={problem} />
      {money !== undefined && (
        <>
          <RatePlans plans={money.ratePlans} onDelete={remove} />
          <Revenue revenue={money.revenue} />
          <RatePlanForm productId={product.id} onCreated={reload} />
          <SuccessCriteriaForm productId={product.id} criteria={money.successCriteria} onSaved={reload} />
        </>
      )}
    </div>
  );
}

function RatePlans({ plans, onDelete }: { plans: RatePlan[]; onDelete: (plan: RatePlan) => void }) {
  return (
    <TablePanel
      title="Rate plans"
      headings={['Plan', 'Pricing', 'Bands', 'Fees and free calls', 'Runs', { label: 'Actions', hidden: true }]}
      items={plans}
      empty="No rate plan: calls to this product are free. Add a plan below to charge for them."
      row={(plan) => (
        <tr key={plan.id}>
          <td>
            <strong>{plan.name}</strong>
            <br />
            <span className="muted">{plan.id}</span>
          </td>
          <td>
            {plan.meteringType}, {plan.mode}
            <br />
            <span className="muted">
              {plan.currency}, {plan.billingPeriod}, due in {plan.paymentDueDays} days
            </span>
          </td>
          <td>
            {plan.rates.map((band) => (
              <div key={band.from}>
                {band.to == null ? `${band.from}+` : `${band.from}–${band.to}`}: {formatMoney(band.price, plan.currency)}
              </div>
            ))}
          </td>
          <td>{extrasOf(plan)}</td>
          <td>
            from {day(plan.startDate)}
            {plan.endDate !== null && <> to {day(plan.endDate)}</>}
          </td>
          <td>
            <ConfirmButton label="Delete" question={`Delete ${plan.name}?`} onConfirm={() => onDelete(plan)} />
          </td>
        </tr>
      )}
    />
  );
}

/** Fees and freemium of a plan in a few words. */
function extrasOf(plan: RatePlan): string {
  const parts = [
    plan.fees.setup === undefined ? undefined : `setup ${formatMoney(plan.fees.setup, plan.currency)}`,
    plan.fees.recurring === undefined ? undefined : `${formatMoney(plan.fees.recurring, plan.currency)} a period`,
    plan.freemium.calls === undefined ? undefined : `${plan.freemium.calls.toLocaleString()} free calls`,
    plan.freemium.days === undefined ? undefined : `${plan.freemium.days} free days`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? '—' : parts.join(', ');
}

function Revenue({ revenue }: { revenue: ProductMonetization['revenue'] }) {
  return (
    <TablePanel
      title="Revenue this month"
      label="Revenue"
      intro={
        <span className="muted">
          {new Date(revenue.from).toLocaleString()} – {new Date(revenue.to).toLocaleString()}
        </span>
      }
      headings={[
        'Currency',
        { label: 'Calls', amount: true },
        { label: 'Billable calls', amount: true },
        { label: 'Revenue', amount: true },
      ]}
      items={revenue.totals}
      empty="No monetized call this month yet."
      row={(total) => (
        <tr key={total.currency ?? 'none'}>
          <td>{total.currency ?? <span className="muted">no plan in effect</span>}</td>
          <td className="amount">{total.calls.toLocaleString()}</td>
          <td className="amount">{total.billableCalls.toLocaleString()}</td>
          <td className="amount">{total.currency === null ? '—' : formatMoney(total.revenue, total.currency)}</td>
        </tr>
      )}
    />
  );
}
