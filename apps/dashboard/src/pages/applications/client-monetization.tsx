import { type Answer, unwrap } from '@tollgate/api-client';
import { useState } from 'react';
import { useOutletContext } from 'react-router';
import { api } from '../../api';
import { Field } from '../../components/field';
import { ProblemBanner, useAction, useProblem } from '../../components/problem';
import { useLoaded } from '../../components/use-loaded';
import { GroupLink } from '../../shell/server-group';
import type { ClientContext } from './clients';
import { formatMoney, parseMoney } from './money';
import { TablePanel } from './table-panel';

type ClientMonetization = Answer<'getClientMonetization'>;

const when = (iso: string | null) => (iso === null ? '—' : new Date(iso).toLocaleString());
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { timeZone: 'UTC' });

/** A client's money: prepaid balances (and a top-up), the plans its subscriptions are on, its invoices. */
export function ClientMonetizationTab() {
  const { client } = useOutletContext<ClientContext>();
  const [money, , problem, reload] = useLoaded(
    () => unwrap(api.GET('/api/v1/clients/{id}/monetization', { params: { path: { id: client.id } } })),
    [client.id],
  );

  return (
    <div>
      <ProblemBanner problem={problem} />
      {money !== undefined && (
        <>
          <Balances money={money} />
          <TopUpForm clientId={client.id} currencies={money.balances.map((balance) => balance.currency)} onDone={reload} />
          <Plans money={money} />
          <Invoices money={money} />
        </>
      )}
    </div>
  );
}

function Balances({ money }: { money: ClientMonetization }) {
  return (
    <TablePanel
      title="Prepaid balances"
      headings={[
        'Currency',
        { label: 'Available', amount: true },
        { label: 'Topped up', amount: true },
        { label: 'Charged', amount: true },
        'State',
      ]}
      items={money.balances}
      empty="No prepaid balance yet. Top up below before the client's subscriptions go on a prepaid plan."
      row={(balance) => (
        <tr key={balance.currency}>
          <td>{balance.currency}</td>
          <td className="amount" data-testid={`available-${balance.currency}`}>
            {formatMoney(balance.available, balance.currency)}
          </td>
          <td className="amount">{formatMoney(balance.toppedUp, balance.currency)}</td>
          <td className="amount">{formatMoney(balance.charged, balance.currency)}</td>
          <td>
            {balance.exhausted ? (
              <span className="badge exhausted">exhausted: prepaid calls refused</span>
            ) : (
              <span className="badge active">ok</span>
            )}
          </td>
        </tr>
      )}
    />
  );
}

/** Adds to a balance: the amount is typed in major units and sent in minor units. */
function TopUpForm({ clientId, currencies, onDone }: { clientId: string; currencies: string[]; onDone: () => void }) {
  const [currency, setCurrency] = useState(currencies[0] ?? 'USD');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>();
  const problem = useProblem();
  const action = useAction(problem);

  const submit = action.submit(async () => {
    const parsed = parseMoney(amount, currency.trim().toUpperCase());
    setAmountError('error' in parsed ? parsed.error : undefined);
    if ('error' in parsed) return;
    await unwrap(
      api.POST('/api/v1/clients/{id}/top-ups', {
        params: { path: { id: clientId } },
        body: { currency: currency.trim().toUpperCase(), amount: parsed.minor, ...(note === '' ? {} : { note }) },
      }),
    );
    setAmount('');
    setNote('');
    onDone();
  });

  return (
    <form className="panel" onSubmit={submit} aria-label="Top up">
      <h2>Top up</h2>
      <ProblemBanner problem={problem} />
      <div className="grid-2">
        <Field label="Currency" hint="ISO 4217, e.g. USD" error={problem.field('currency')}>
          <input name="currency" value={currency} onChange={(event) => setCurrency(event.target.value)} />
        </Field>
        <Field label="Amount" hint="In major units, e.g. 25.00" error={amountError ?? problem.field('amount')}>
          <input name="amount" inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} />
        </Field>
        <Field label="Note" error={problem.field('note')}>
          <input name="note" value={note} onChange={(event) => setNote(event.target.value)} />
        </Field>
      </div>
      <div>
        <button type="submit" disabled={action.busy}>
          Top up
        </button>
      </div>
    </form>
  );
}

function Plans({ money }: { money: ClientMonetization }) {
  return (
    <TablePanel
      title="Plans in effect"
      headings={['Subscription', 'Product', 'Plan', 'Mode', 'Since']}
      items={money.plans}
      empty="None of this client's subscriptions is on a rate plan. Choose one per product on the subscription's Configuration tab."
      row={(plan) => (
        <tr key={`${plan.subscriptionId}/${plan.productId}`}>
          <td>
            <GroupLink to={`/subscriptions/${plan.subscriptionId}/monetization`}>{plan.subscriptionId}</GroupLink>
          </td>
          <td>{plan.productId}</td>
          <td>
            {plan.name} <span className="muted">({plan.currency})</span>
          </td>
          <td>{plan.mode}</td>
          <td>{when(plan.since)}</td>
        </tr>
      )}
    />
  );
}

function Invoices({ money }: { money: ClientMonetization }) {
  return (
    <TablePanel
      title="Invoices"
      headings={['Number', 'Period', 'Status', { label: 'Total', amount: true }, 'Due']}
      items={money.invoices}
      empty="No invoice yet: rating turns the calls of postpaid and prepaid plans into invoices every hour."
      row={(invoice) => (
        <tr key={invoice.id}>
          <td>{invoice.number ?? <span className="muted">draft</span>}</td>
          <td>
            {day(invoice.periodStart)} – {day(invoice.periodEnd)}
          </td>
          <td>
            <span className={`badge ${invoice.status === 'final' ? 'active' : 'pending'}`}>{invoice.status}</span>
          </td>
          <td className="amount">{formatMoney(invoice.total, invoice.currency)}</td>
          <td>{when(invoice.dueAt)}</td>
        </tr>
      )}
    />
  );
}
