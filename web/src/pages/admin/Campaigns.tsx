import { useRef, useState } from 'preact/hooks';
import { AmountField, checkAmount } from '../../components/AmountField';
import {
  Alert,
  Button,
  Card,
  DefinitionList,
  EmptyState,
  focusFirstError,
  LoadError,
  Money,
  PageHeader,
  SelectField,
  Skeleton,
  StatusBadge,
  TextField,
} from '../../components/ui';
import { api, errorMessage, newIdempotencyKey } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAsync, useTitle } from '../../lib/hooks';
import type { Campaign, CampaignReward, NewCampaign } from '../../lib/types';
import { effectText } from '../Rewards';

const TRIGGERS = [
  { value: 'bill_payment.succeeded', label: 'A bill payment succeeded' },
  { value: 'first_deposit', label: 'A first deposit' },
  { value: 'referral_first_payment', label: "A referred person's first payment" },
];
const CATEGORIES = ['', 'electricity', 'airtime', 'data', 'cable'];

/** A new campaign (a draft): trigger, conditions, effect, limits. */
function CreateForm({ onDone }: { onDone: (message: string) => void }) {
  const [name, setName] = useState('');
  const [trigger, setTrigger] = useState('bill_payment.succeeded');
  const [effect, setEffect] = useState('cashback_percent');
  const [percent, setPercent] = useState('2');
  const [cap, setCap] = useState('');
  const [amount, setAmount] = useState('');
  const [referrer, setReferrer] = useState('');
  const [referee, setReferee] = useState('');
  const [category, setCategory] = useState('');
  const [perPerson, setPerPerson] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const kind = trigger === 'referral_first_payment' ? 'referral' : effect;
  const minor = (text: string, field: string, next: Record<string, string>, optional = false) => {
    if (optional && text.trim() === '') return 0;
    const m = checkAmount(text, 'NGN');
    if (typeof m === 'string') next[field] = m;
    return typeof m === 'string' ? 0 : Number(m);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = 'Name the campaign';
    let body: Record<string, unknown> = {};
    if (kind === 'cashback_percent') {
      const bps = Math.round(Number(percent) * 100);
      if (!Number.isFinite(bps) || bps < 1 || bps > 10_000) next.percent = 'From 0.01 to 100';
      body = { type: kind, bps, cap: minor(cap, 'cap', next, true) };
    } else if (kind === 'flat') body = { type: kind, amount: minor(amount, 'amount', next) };
    else
      body = {
        type: kind,
        referrer: minor(referrer, 'referrer', next, true),
        referee: minor(referee, 'referee', next, true),
      };
    const limit = perPerson.trim() === '' ? null : Number(perPerson);
    if (limit !== null && (!Number.isInteger(limit) || limit < 1))
      next.perPerson = 'A whole number, or empty';
    setErrors(next);
    if (Object.keys(next).length) return focusFirstError(form.current);
    setBusy(true);
    setFailure(null);
    try {
      const payload = {
        name: name.trim(),
        trigger,
        effect: body,
        conditions: category ? { categories: [category] } : {},
        perPersonLimit: limit,
        perPersonPeriod: 'campaign',
      } as NewCampaign;
      await api.post('/v1/admin/campaigns', payload);
      setName('');
      onDone(`Campaign "${payload.name}" created as a draft: fund it, then start it.`);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="form" onSubmit={submit} noValidate data-testid="campaign-create">
      <TextField label="Name" name="campaign-name" value={name} onValue={setName} error={errors.name} />
      <SelectField label="Trigger" name="trigger" value={trigger} onValue={setTrigger} options={TRIGGERS} />
      {trigger !== 'referral_first_payment' && (
        <SelectField
          label="Effect"
          name="effect"
          value={effect}
          onValue={setEffect}
          options={[
            { value: 'cashback_percent', label: 'Cashback: a percentage, capped' },
            { value: 'flat', label: 'A flat amount' },
          ]}
        />
      )}
      {kind === 'cashback_percent' && (
        <>
          <TextField
            label="Percent"
            name="percent"
            value={percent}
            onValue={setPercent}
            error={errors.percent}
          />
          <AmountField
            value={cap}
            onValue={setCap}
            currency="NGN"
            error={errors.cap}
            name="cap"
            label="Cap per reward (empty: none)"
          />
        </>
      )}
      {kind === 'flat' && (
        <AmountField
          value={amount}
          onValue={setAmount}
          currency="NGN"
          error={errors.amount}
          name="flat"
          label="Amount"
        />
      )}
      {kind === 'referral' && (
        <>
          <AmountField
            value={referrer}
            onValue={setReferrer}
            currency="NGN"
            error={errors.referrer}
            name="referrer"
            label="To the referrer"
          />
          <AmountField
            value={referee}
            onValue={setReferee}
            currency="NGN"
            error={errors.referee}
            name="referee"
            label="To the referee"
          />
        </>
      )}
      {trigger === 'bill_payment.succeeded' && (
        <SelectField
          label="Bill category"
          name="category"
          value={category}
          onValue={setCategory}
          options={CATEGORIES.map((c) => ({ value: c, label: c || 'Any' }))}
        />
      )}
      <TextField
        label="Rewards per person (empty: no limit)"
        name="perPerson"
        value={perPerson}
        onValue={setPerPerson}
        error={errors.perPerson}
      />
      {failure && <Alert>{failure}</Alert>}
      <div class="row row-end">
        <Button type="submit" loading={busy} data-testid="campaign-create-submit">
          Create campaign
        </Button>
      </div>
    </form>
  );
}

/** Treasury -> campaign: one idempotency key per form, so a double submit funds once. */
function FundForm({ campaign, onDone }: { campaign: Campaign; onDone: (message: string) => void }) {
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const submit = async (event: Event) => {
    event.preventDefault();
    const m = checkAmount(amount, 'NGN');
    if (typeof m === 'string') return setError(m);
    setError(undefined);
    setBusy(true);
    try {
      await api.post(
        `/v1/admin/campaigns/${campaign.id}/fundings`,
        { amount: Number(m) },
        { idempotencyKey: key.current },
      );
      key.current = newIdempotencyKey();
      setAmount('');
      onDone(`${campaign.name} funded.`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate data-testid={`fund-form-${campaign.id}`}>
      <AmountField
        value={amount}
        onValue={setAmount}
        currency="NGN"
        error={error}
        name={`fund-${campaign.id}`}
        label="Fund from the treasury"
      />
      <div class="row row-end">
        <Button type="submit" variant="secondary" loading={busy} data-testid={`fund-submit-${campaign.id}`}>
          Fund
        </Button>
      </div>
    </form>
  );
}

function Redemptions({ id }: { id: string }) {
  const { data, error, loading } = useAsync(
    (signal) => api.get<{ data: CampaignReward[] }>(`/v1/admin/campaigns/${id}/rewards`, { signal }),
    [id],
  );
  if (error) return <LoadError error={error} />;
  if (loading && !data) return <Skeleton lines={2} />;
  if (!data?.data.length) return <p class="muted">No redemptions yet.</p>;
  return (
    <div class="table-wrap">
      <table class="table" data-testid={`redemptions-${id}`}>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Person</th>
            <th scope="col">Paid</th>
            <th scope="col">Status</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {data.data.map((r) => (
            <tr key={r.id}>
              <td>{formatDateTime(r.createdAt)}</td>
              <td class="mono">{r.userId?.slice(0, 8)}</td>
              <td>
                <Money amount={r.amount ?? 0} currency="NGN" />
              </td>
              <td>
                <StatusBadge
                  status={r.status ?? ''}
                  label={r.reason ? `${r.status} (${r.reason.replace(/_/g, ' ')})` : undefined}
                />
              </td>
              <td class="mono">{r.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CampaignCard({ campaign, onChange }: { campaign: Campaign; onChange: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const act = async (action: string) => {
    setBusy(action);
    try {
      await api.post(`/v1/admin/campaigns/${campaign.id}/${action}`, {});
      onChange(
        `${campaign.name}: ${action === 'end' ? 'ended' : `${action}${action.endsWith('e') ? 'd' : 'ed'}`}.`,
      );
    } catch (e) {
      onChange(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const actions: [string, string][] =
    campaign.status === 'draft'
      ? [
          ['start', 'Start'],
          ['end', 'End'],
        ]
      : campaign.status === 'active'
        ? [
            ['pause', 'Pause'],
            ['end', 'End'],
          ]
        : campaign.status === 'paused'
          ? [
              ['resume', 'Resume'],
              ['end', 'End'],
            ]
          : [];
  return (
    <Card
      title={campaign.name}
      testId={`campaign-${campaign.id}`}
      actions={
        <>
          <StatusBadge
            status={campaign.status === 'active' ? 'succeeded' : (campaign.status ?? '')}
            label={campaign.status}
          />
          {actions.map(([action, label]) => (
            <Button
              key={action}
              size="sm"
              variant="secondary"
              loading={busy === action}
              onClick={() => act(action)}
              data-testid={`campaign-${action}-${campaign.id}`}
            >
              {label}
            </Button>
          ))}
        </>
      }
    >
      <DefinitionList
        items={[
          ['Pays', effectText({ effect: campaign.effect, currency: 'NGN' })],
          ['Trigger', TRIGGERS.find((t) => t.value === campaign.trigger)?.label ?? campaign.trigger ?? ''],
          ['Categories', campaign.conditions?.categories?.join(', ') || 'any'],
          ['Funded', <Money key="f" amount={campaign.funded ?? 0} currency="NGN" />],
          [
            'Spent',
            <Money
              key="s"
              amount={campaign.spent ?? 0}
              currency="NGN"
              testId={`campaign-spent-${campaign.id}`}
            />,
          ],
          [
            'Remaining',
            <Money
              key="r"
              amount={campaign.remaining ?? 0}
              currency="NGN"
              testId={`campaign-remaining-${campaign.id}`}
            />,
          ],
          ['Redemptions', String(campaign.redemptions ?? 0)],
          ['Owed back (receivables)', <Money key="o" amount={campaign.receivable ?? 0} currency="NGN" />],
        ]}
      />
      {campaign.status !== 'ended' && <FundForm campaign={campaign} onDone={onChange} />}
      <Button
        size="sm"
        variant="ghost"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        data-testid={`campaign-redemptions-${campaign.id}`}
      >
        {open ? 'Hide redemptions' : 'Show redemptions'}
      </Button>
      {open && <Redemptions id={campaign.id ?? ''} />}
    </Card>
  );
}

/** Clawbacks the wallets could not cover: what people owe back (nothing moved). */
function Receivables() {
  const { data, error } = useAsync(
    (signal) => api.get<{ data: CampaignReward[] }>('/v1/admin/promotions/receivables', { signal }),
    [],
  );
  if (error) return <LoadError error={error} />;
  if (!data?.data.length) return null;
  return (
    <Card title="Receivables" testId="receivables">
      <p class="muted">Rewards whose payment was reversed after the person had spent them.</p>
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Since</th>
              <th scope="col">Campaign</th>
              <th scope="col">Person</th>
              <th scope="col">Owed</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {data.data.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.createdAt)}</td>
                <td>{r.campaignName}</td>
                <td class="mono">{r.userId?.slice(0, 8)}</td>
                <td>
                  <Money amount={r.receivable ?? 0} currency="NGN" />
                </td>
                <td class="mono">{r.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/** Promotions: create, fund, start, pause, resume and end campaigns; their spend and redemptions. */
export function CampaignsPage() {
  useTitle('Campaigns · Console');
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<{ data: Campaign[] }>('/v1/admin/campaigns', { signal }),
    [],
  );
  const [message, setMessage] = useState<string | null>(null);
  const changed = (m: string) => {
    setMessage(m);
    void reload();
  };
  return (
    <div class="page wide">
      <PageHeader
        title="Campaigns"
        subtitle="Cashback and referral campaigns. Each pays from its own funded account, so it can never pay out more than its budget."
      />
      <div aria-live="polite">{message && <Alert kind="success">{message}</Alert>}</div>
      <Card title="New campaign">
        <CreateForm onDone={changed} />
      </Card>
      <Receivables />
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Skeleton lines={6} />
      ) : data?.data.length ? (
        data.data.map((c) => <CampaignCard key={c.id} campaign={c} onChange={changed} />)
      ) : (
        <EmptyState title="No campaigns yet" />
      )}
    </div>
  );
}
