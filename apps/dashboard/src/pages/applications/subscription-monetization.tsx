import { type Answer, unwrap } from '@tollgate/api-client';
import { useOutletContext } from 'react-router';
import { api } from '../../api';
import { ProblemBanner } from '../../components/problem';
import { useLoaded } from '../../components/use-loaded';
import { GroupLink } from '../../shell/server-group';
import { formatMoney } from './money';
import type { SubscriptionContext } from './subscriptions';

type ProductMoney = Answer<'getSubscriptionMonetization'>['products'][number];

const when = (iso: string) => new Date(iso).toLocaleString();

/** Per subscribed product: the plan in effect, a pending change, the running period and its usage and charge. */
export function SubscriptionMonetizationTab() {
  const { subscription } = useOutletContext<SubscriptionContext>();
  const [products, , problem] = useLoaded(
    () =>
      unwrap(api.GET('/api/v1/subscriptions/{id}/monetization', { params: { path: { id: subscription.id } } })).then(
        (answer) => answer.products,
      ),
    [subscription.id],
  );

  return (
    <div>
      <ProblemBanner problem={problem} />
      {products?.length === 0 && <div className="empty">The subscription holds no product: add some on the Configuration tab.</div>}
      <div className="cards">
        {products?.map((product) => (
          <ProductCard key={product.productId} product={product} />
        ))}
      </div>
    </div>
  );
}

function ProductCard({ product }: { product: ProductMoney }) {
  const { ratePlan, next, period, usage } = product;
  return (
    <section className="card" aria-label={`Monetization of ${product.productId}`}>
      <h3>
        <GroupLink to={`/products/${product.productId}/monetization`}>{product.productId}</GroupLink>
      </h3>
      {ratePlan === null ? (
        <p className="muted">No rate plan in effect: its calls are not charged. Choose a plan on the Configuration tab.</p>
      ) : (
        <p>
          On <strong>{ratePlan.name}</strong> <span className="muted">({ratePlan.id})</span> since {when(ratePlan.since)}
        </p>
      )}
      {next !== null && (
        <p>
          <span className="badge pending">pending</span> {next.ratePlanId === null ? 'no plan' : `plan ${next.ratePlanId}`} from{' '}
          {when(next.from)}
        </p>
      )}
      {period !== null && (
        <p className="muted">
          Period {when(period.start)} – {when(period.end)}
        </p>
      )}
      {usage !== null && (
        <dl className="figures">
          <div>
            <dt>Calls</dt>
            <dd>{usage.calls.toLocaleString()}</dd>
          </div>
          <div>
            <dt>Billable calls</dt>
            <dd>{usage.billableCalls.toLocaleString()}</dd>
          </div>
          <div>
            <dt>Charge so far</dt>
            <dd>{formatMoney(usage.charge, usage.currency)}</dd>
          </div>
          <div>
            <dt>Projected charge</dt>
            <dd>{formatMoney(usage.projectedCharge, usage.currency)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
