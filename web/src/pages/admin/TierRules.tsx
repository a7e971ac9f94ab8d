import { useRef, useState } from 'preact/hooks';
import { AmountField } from '../../components/AmountField';
import {
  Alert,
  Button,
  Card,
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
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAsync, useTitle } from '../../lib/hooks';
import { useSession } from '../../lib/session';
import { draftFrom, EMPTY_DRAFT, type TierRule, type TierRuleDraft, tierRuleBody } from './tier-rule-draft';

const TIER_OPTIONS = [1, 2, 3].map((t) => ({ value: String(t), label: `Tier ${t}` }));

function RulesTable({ rules, onCopy }: { rules: TierRule[]; onCopy?: (rule: TierRule) => void }) {
  return (
    <div class="table-wrap">
      <table class="table" data-testid="tier-rules-table">
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">Currency</th>
            <th scope="col" class="num">
              Daily limit
            </th>
            <th scope="col" class="num">
              Single payment
            </th>
            <th scope="col" class="num">
              Single deposit
            </th>
            <th scope="col" class="num">
              Maximum balance
            </th>
            <th scope="col">Effective from</th>
            <th scope="col">Reason</th>
            {onCopy && <th scope="col">Action</th>}
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr key={rule.id} data-in-force={rule.inForce ? 'true' : 'false'}>
              <td>
                Tier {rule.tier}{' '}
                {rule.inForce ? (
                  <StatusBadge status="active" label="in force" />
                ) : Date.parse(rule.effectiveFrom) > Date.now() ? (
                  <StatusBadge status="pending" label="scheduled" />
                ) : null}
              </td>
              <td>{rule.currency}</td>
              <td class="num">
                <Money amount={rule.dailyDebitLimit} currency={rule.currency} />
              </td>
              <td class="num">
                <Money amount={rule.singleTransactionLimit} currency={rule.currency} />
              </td>
              <td class="num">
                {rule.singleDepositLimit === undefined ? (
                  '—'
                ) : (
                  <Money amount={rule.singleDepositLimit} currency={rule.currency} />
                )}
              </td>
              <td class="num">
                {rule.maxBalance === null ? (
                  'No maximum'
                ) : (
                  <Money amount={rule.maxBalance} currency={rule.currency} />
                )}
              </td>
              <td>{formatDateTime(rule.effectiveFrom)}</td>
              <td>{rule.reason ?? '—'}</td>
              {onCopy && (
                <td>
                  {rule.inForce && (
                    <Button variant="ghost" size="sm" onClick={() => onCopy(rule)}>
                      Change
                    </Button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AmountFields({
  draft,
  set,
  errors,
}: {
  draft: TierRuleDraft;
  set: (key: keyof TierRuleDraft) => (value: string) => void;
  errors: Record<string, string>;
}) {
  const currency = /^[A-Za-z]{3}$/.test(draft.currency) ? draft.currency.toUpperCase() : 'NGN';
  return (
    <>
      <AmountField
        label="Daily sending limit"
        name="dailyDebitLimit"
        value={draft.dailyDebitLimit}
        onValue={set('dailyDebitLimit')}
        currency={currency}
        error={errors.dailyDebitLimit}
      />
      <AmountField
        label="Largest single payment"
        name="singleTransactionLimit"
        value={draft.singleTransactionLimit}
        onValue={set('singleTransactionLimit')}
        currency={currency}
        error={errors.singleTransactionLimit}
      />
      <AmountField
        label="Largest single deposit"
        name="singleDepositLimit"
        value={draft.singleDepositLimit}
        onValue={set('singleDepositLimit')}
        currency={currency}
        error={errors.singleDepositLimit}
      />
      <AmountField
        label="Maximum balance"
        name="maxBalance"
        value={draft.maxBalance}
        onValue={set('maxBalance')}
        currency={currency}
        hint="Leave empty for no maximum"
        error={errors.maxBalance}
      />
    </>
  );
}

/** Admin only: a new version for a tier and currency. Older versions are never changed. */
function NewVersionForm({
  draft,
  setDraft,
  onCreated,
}: {
  draft: TierRuleDraft;
  setDraft: (draft: TierRuleDraft) => void;
  onCreated: (rule: TierRule) => void;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const set = (key: keyof TierRuleDraft) => (value: string) => setDraft({ ...draft, [key]: value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = tierRuleBody(draft);
    setErrors(checked.errors ?? {});
    if (!checked.body) return focusFirstError(form.current);
    setBusy(true);
    setFailure(null);
    try {
      onCreated(await api.post<TierRule>('/v1/admin/kyc/tiers', checked.body));
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Add a version" testId="tier-rule-new">
      <form ref={form} class="form" onSubmit={submit} noValidate data-testid="tier-rule-form">
        <div class="tier-rule-form">
          <SelectField
            label="Tier"
            name="tier"
            id="rule-tier"
            value={draft.tier}
            onValue={set('tier')}
            options={TIER_OPTIONS}
            error={errors.tier}
          />
          <TextField
            label="Currency"
            name="currency"
            id="rule-currency"
            value={draft.currency}
            onValue={(v) => set('currency')(v.toUpperCase().slice(0, 3))}
            maxLength={3}
            error={errors.currency}
          />
          <AmountFields draft={draft} set={set} errors={errors} />
          <TextField
            label="Effective from"
            name="effectiveFrom"
            id="rule-effective"
            type="datetime-local"
            value={draft.effectiveFrom}
            onValue={set('effectiveFrom')}
            required={false}
            hint="Empty: from now. Never in the past."
            error={errors.effectiveFrom}
          />
        </div>
        <TextField
          label="Reason"
          name="reason"
          id="rule-reason"
          value={draft.reason}
          onValue={set('reason')}
          maxLength={500}
          error={errors.reason}
        />
        {failure && <Alert>{failure}</Alert>}
        <Button type="submit" loading={busy} data-testid="tier-rule-submit">
          Add version
        </Button>
      </form>
    </Card>
  );
}

export function TierRulesPage() {
  useTitle('Tier rules · Console');
  const { user } = useSession();
  const admin = user?.role === 'admin';
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<{ data: TierRule[] }>('/v1/admin/kyc/tiers', { signal }),
    [],
  );
  const [draft, setDraft] = useState<TierRuleDraft>(EMPTY_DRAFT);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div class="page wide">
      <PageHeader
        title="Tier rules"
        subtitle="Limits by KYC tier and currency. Every version is kept; the one in force applies now."
      />
      <div aria-live="polite">{message && <Alert kind="success">{message}</Alert>}</div>
      <Card>
        {error ? (
          <LoadError error={error} onRetry={reload} />
        ) : loading && !data ? (
          <Skeleton lines={5} />
        ) : !data?.data.length ? (
          <EmptyState title="No tier rules">Without a rule, no currency is allowed at that tier.</EmptyState>
        ) : (
          <RulesTable
            rules={data.data}
            onCopy={
              admin
                ? (rule) => {
                    setDraft(draftFrom(rule));
                    document.getElementById('rule-reason')?.focus();
                  }
                : undefined
            }
          />
        )}
      </Card>
      {admin ? (
        <NewVersionForm
          draft={draft}
          setDraft={setDraft}
          onCreated={(rule) => {
            setMessage(
              `Added a tier ${rule.tier} ${rule.currency} version, effective ${formatDateTime(rule.effectiveFrom)}.`,
            );
            setDraft(EMPTY_DRAFT);
            void reload();
          }}
        />
      ) : (
        <p class="muted small">Only an admin can add a version.</p>
      )}
    </div>
  );
}
