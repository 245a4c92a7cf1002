import { type Answer, unwrap } from '@tollgate/api-client';
import { useCallback, useEffect, useState } from 'react';
import { useOutletContext } from 'react-router';
import { api } from '../../api';
import { ProblemBanner, useProblem } from '../../components/problem';
import { ConfirmButton } from './confirm-button';
import { formatMoney } from './money';
import type { ProductContext } from './products';
import { RatePlanForm } from './rate-plan-form';
import { SuccessCriteriaForm } from './success-criteria';

type ProductMonetization = Answer<'getProductMonetization'>;
type RatePlan = ProductMonetization['ratePlans'][number];

const day = (iso: string) => new Date(iso).toLocaleDateString();

/** A product's money: its rate plans (add, delete), revenue this month, and which calls are billable. */
export function ProductMonetizationTab() {
  const { product } = useOutletContext<ProductContext>();
  const [money, setMoney] = useState<ProductMonetization | undefined>();
  const problem = useProblem();
  const reload = useCallback(
    () => unwrap(api.GET('/api/v1/products/{id}/monetization', { params: { path: { id: product.id } } })).then(setMoney, problem.show),
    [product.id, problem.show],
  );
  useEffect(() => {
    reload();
  }, [reload]);

  const remove = async (plan: RatePlan) => {
    problem.clear();
    try {
      await unwrap(api.DELETE('/api/v1/products/{id}/rate-plans/{planId}', { params: { path: { id: product.id, planId: plan.id } } }));
      await reload();
    } catch (failure) {
      problem.show(failure);
    }
  };

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
    <section className="panel" aria-label="Rate plans">
      <h2>Rate plans</h2>
      {plans.length === 0 ? (
        <div className="empty">No rate plan: calls to this product are free. Add a plan below to charge for them.</div>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <thead>
              <tr>
                <th>Plan</th>
                <th>Pricing</th>
                <th>Bands</th>
                <th>Fees and free calls</th>
                <th>Runs</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {plans.map((plan) => (
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
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
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
    <section className="panel" aria-label="Revenue">
      <h2>Revenue this month</h2>
      <span className="muted">
        {new Date(revenue.from).toLocaleString()} – {new Date(revenue.to).toLocaleString()}
      </span>
      {revenue.totals.length === 0 ? (
        <div className="empty">No monetized call this month yet.</div>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <thead>
              <tr>
                <th>Currency</th>
                <th className="amount">Calls</th>
                <th className="amount">Billable calls</th>
                <th className="amount">Revenue</th>
              </tr>
            </thead>
            <tbody>
              {revenue.totals.map((total) => (
                <tr key={total.currency ?? 'none'}>
                  <td>{total.currency ?? <span className="muted">no plan in effect</span>}</td>
                  <td className="amount">{total.calls.toLocaleString()}</td>
                  <td className="amount">{total.billableCalls.toLocaleString()}</td>
                  <td className="amount">{total.currency === null ? '—' : formatMoney(total.revenue, total.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
