import { type Body, unwrap } from '@tollgate/api-client';
import { useState } from 'react';
import { api } from '../../api';
import { Field, FieldError } from '../../components/field';
import { ProblemBanner, useAction, useProblem } from '../../components/problem';
import { parseMoney } from './money';

type PlanBody = Body<'createRatePlan'>;

/** One price band as typed: calls `from`–`to` (the last band has no end) at `price` major units a call. */
interface BandRow {
  from: string;
  to: string;
  price: string;
}

/** The plan as typed: numbers and money as text until Create reads them. */
interface PlanForm {
  id: string;
  name: string;
  description: string;
  currency: string;
  meteringType: PlanBody['meteringType'];
  bands: BandRow[];
  setupFee: string;
  recurringFee: string;
  freemiumCalls: string;
  freemiumDays: string;
  billingPeriod: NonNullable<PlanBody['billingPeriod']>;
  mode: NonNullable<PlanBody['mode']>;
  paymentDueDays: string;
}

const EMPTY: PlanForm = {
  id: '',
  name: '',
  description: '',
  currency: 'USD',
  meteringType: 'UNIT',
  bands: [{ from: '1', to: '', price: '' }],
  setupFee: '',
  recurringFee: '',
  freemiumCalls: '',
  freemiumDays: '',
  billingPeriod: 'calendar-month',
  mode: 'postpaid',
  paymentDueDays: '30',
};

/**
 * The body the API takes, or the message of each field that is not a number or an amount, by the
 * path the API would name it with: so a typing slip and the API's own checks (a gap between
 * bands: `rates.1.from`) show in the same place.
 */
function bodyOf(form: PlanForm): { body: PlanBody } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const currency = form.currency.trim().toUpperCase();
  const whole = (text: string, path: string): number | undefined => {
    if (text.trim() === '') return undefined;
    const value = Number(text);
    if (Number.isInteger(value) && value >= 0) return value;
    errors[path] = 'Enter a whole number';
    return undefined;
  };
  const money = (text: string, path: string): number | undefined => {
    if (text.trim() === '') return undefined;
    const parsed = parseMoney(text, currency);
    if ('error' in parsed) errors[path] = parsed.error;
    return 'minor' in parsed ? parsed.minor : undefined;
  };
  const rates = form.bands.map((band, index) => {
    const last = index === form.bands.length - 1;
    const price = money(band.price, `rates.${index}.price`);
    if (band.price.trim() === '') errors[`rates.${index}.price`] = 'Give the band a price (0 for free calls)';
    return {
      from: whole(band.from, `rates.${index}.from`) ?? 0,
      // Only the last band is open; an empty end elsewhere goes to the API, which says why it is wrong.
      ...(last ? {} : { to: whole(band.to, `rates.${index}.to`) ?? null }),
      price: price ?? 0,
    };
  });
  const setup = money(form.setupFee, 'fees.setup');
  const recurring = money(form.recurringFee, 'fees.recurring');
  const calls = whole(form.freemiumCalls, 'freemium.calls');
  const days = whole(form.freemiumDays, 'freemium.days');
  const paymentDueDays = whole(form.paymentDueDays, 'paymentDueDays');
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      ...(form.id === '' ? {} : { id: form.id }),
      name: form.name,
      description: form.description,
      currency,
      meteringType: form.meteringType,
      rates,
      fees: { ...(setup === undefined ? {} : { setup }), ...(recurring === undefined ? {} : { recurring }) },
      freemium: { ...(calls === undefined ? {} : { calls }), ...(days === undefined ? {} : { days }) },
      billingPeriod: form.billingPeriod,
      mode: form.mode,
      ...(paymentDueDays === undefined ? {} : { paymentDueDays }),
    },
  };
}

/** Adds a rate plan to a product: pricing bands, fees, free calls, billing; messages beside their fields. */
export function RatePlanForm({ productId, onCreated }: { productId: string; onCreated: () => void }) {
  const [form, setForm] = useState<PlanForm>(EMPTY);
  const [local, setLocal] = useState<Record<string, string>>({});
  const problem = useProblem();
  const action = useAction(problem);
  const field = (path: string) => local[path] ?? problem.field(path);
  const set = (values: Partial<PlanForm>) => setForm({ ...form, ...values });
  const setBand = (index: number, values: Partial<BandRow>) =>
    set({ bands: form.bands.map((band, at) => (at === index ? { ...band, ...values } : band)) });
  // Adding or removing a band shifts the indices the messages name (`rates.1.from`): they no longer apply.
  const setBands = (bands: BandRow[]) => {
    setLocal({});
    problem.clear();
    set({ bands });
  };

  const create = action.submit(async () => {
    const checked = bodyOf(form);
    setLocal('errors' in checked ? checked.errors : {});
    if ('errors' in checked) return;
    await unwrap(api.POST('/api/v1/products/{id}/rate-plans', { params: { path: { id: productId } }, body: checked.body }));
    setForm(EMPTY);
    onCreated();
  });

  return (
    <form className="panel form" onSubmit={create} aria-label="New rate plan">
      <h2>Add a rate plan</h2>
      <ProblemBanner problem={problem} />
      <div className="grid-2">
        <Field label="Name" error={field('name')}>
          <input name="planName" value={form.name} onChange={(event) => set({ name: event.target.value })} />
        </Field>
        <Field label="Plan id" hint="Empty: generated" error={field('id')}>
          <input name="planId" value={form.id} onChange={(event) => set({ id: event.target.value })} />
        </Field>
        <Field label="Currency" hint="ISO 4217, e.g. USD, EUR, JPY" error={field('currency')}>
          <input name="currency" value={form.currency} onChange={(event) => set({ currency: event.target.value })} />
        </Field>
        <Field label="Metering" error={field('meteringType')}>
          <select
            name="meteringType"
            value={form.meteringType}
            onChange={(event) => set({ meteringType: event.target.value as PlanForm['meteringType'] })}
          >
            <option value="UNIT">Unit: each call at its band's price</option>
            <option value="VOLUME">Volume: every call at the band the total reaches</option>
            <option value="STAIR_STEP">Stair step: the flat price of the band the total falls in</option>
          </select>
        </Field>
      </div>
      <Field label="Description" error={field('description')}>
        <textarea name="planDescription" value={form.description} onChange={(event) => set({ description: event.target.value })} />
      </Field>
      <fieldset className="field rows">
        <legend className="field-label">Price bands</legend>
        <span className="hint">
          From call 1, each band starting right after the one before; the last has no end. Prices in {form.currency || 'major units'}:{' '}
          {form.meteringType === 'STAIR_STEP' ? 'the flat price of the band.' : 'per call.'}
        </span>
        {form.bands.map((band, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a band is its place in the ladder; the API names it by index too.
          <fieldset key={index} className="row">
            <legend>Band {index + 1}</legend>
            <Field label="From call" error={field(`rates.${index}.from`)}>
              <input
                type="number"
                min={1}
                name={`band-${index}-from`}
                value={band.from}
                onChange={(event) => setBand(index, { from: event.target.value })}
              />
            </Field>
            <Field label="To call" error={field(`rates.${index}.to`)}>
              {index === form.bands.length - 1 ? (
                <input name={`band-${index}-to`} value="" placeholder="and up" disabled />
              ) : (
                <input
                  type="number"
                  min={1}
                  name={`band-${index}-to`}
                  value={band.to}
                  onChange={(event) => setBand(index, { to: event.target.value })}
                />
              )}
            </Field>
            <Field label="Price" error={field(`rates.${index}.price`)}>
              <input
                name={`band-${index}-price`}
                inputMode="decimal"
                value={band.price}
                onChange={(event) => setBand(index, { price: event.target.value })}
              />
            </Field>
            {form.bands.length > 1 && (
              <button type="button" className="secondary" onClick={() => setBands(form.bands.filter((_, at) => at !== index))}>
                Remove band
              </button>
            )}
          </fieldset>
        ))}
        <div>
          <button
            type="button"
            className="secondary"
            disabled={form.bands.length >= 50}
            onClick={() => setBands([...form.bands, { from: nextFrom(form.bands), to: '', price: '' }])}
          >
            Add band
          </button>
        </div>
        <FieldError message={field('rates')} />
      </fieldset>
      <div className="grid-2">
        <Field label="Setup fee" hint="Once, when a subscription starts on the plan" error={field('fees.setup')}>
          <input name="setupFee" inputMode="decimal" value={form.setupFee} onChange={(event) => set({ setupFee: event.target.value })} />
        </Field>
        <Field label="Recurring fee" hint="Every billing period" error={field('fees.recurring')}>
          <input
            name="recurringFee"
            inputMode="decimal"
            value={form.recurringFee}
            onChange={(event) => set({ recurringFee: event.target.value })}
          />
        </Field>
        <Field label="Free calls" hint="Freemium: the first calls on the plan" error={field('freemium.calls')}>
          <input
            type="number"
            min={0}
            name="freemiumCalls"
            value={form.freemiumCalls}
            onChange={(event) => set({ freemiumCalls: event.target.value })}
          />
        </Field>
        <Field label="Free days" hint="Freemium: calls in the first days on the plan" error={field('freemium.days')}>
          <input
            type="number"
            min={0}
            name="freemiumDays"
            value={form.freemiumDays}
            onChange={(event) => set({ freemiumDays: event.target.value })}
          />
        </Field>
        <Field label="Billing period" error={field('billingPeriod')}>
          <select
            name="billingPeriod"
            value={form.billingPeriod}
            onChange={(event) => set({ billingPeriod: event.target.value as PlanForm['billingPeriod'] })}
          >
            <option value="calendar-month">Calendar month (from the 1st, UTC)</option>
            <option value="subscription-month">Subscription month (from the day it started)</option>
          </select>
        </Field>
        <Field label="Mode" error={field('mode')}>
          <select name="mode" value={form.mode} onChange={(event) => set({ mode: event.target.value as PlanForm['mode'] })}>
            <option value="postpaid">Postpaid: invoiced after the period</option>
            <option value="prepaid">Prepaid: calls draw on the client's balance</option>
          </select>
        </Field>
        <Field label="Payment due (days)" hint="From an invoice becoming final" error={field('paymentDueDays')}>
          <input
            type="number"
            min={0}
            max={365}
            name="paymentDueDays"
            value={form.paymentDueDays}
            onChange={(event) => set({ paymentDueDays: event.target.value })}
          />
        </Field>
      </div>
      <div>
        <button type="submit" disabled={action.busy}>
          Add rate plan
        </button>
      </div>
    </form>
  );
}

/** Where a new band likely starts: right after the end of the band before it, when that one has an end. */
function nextFrom(bands: readonly BandRow[]): string {
  const last = bands.at(-1);
  if (last === undefined) return '1';
  const end = Number(last.to);
  return last.to !== '' && Number.isInteger(end) ? String(end + 1) : '';
}
