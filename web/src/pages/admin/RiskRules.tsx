import { useRef, useState } from 'preact/hooks';
import { AmountField } from '../../components/AmountField';
import {
  Alert,
  Button,
  Card,
  EmptyState,
  focusFirstError,
  LoadError,
  PageHeader,
  SelectField,
  Skeleton,
  StatusBadge,
  TextField,
} from '../../components/ui';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAsync, useTitle } from '../../lib/hooks';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { formatMoney } from '../../money';
import {
  DEBIT_KIND_LABELS,
  type DebitKind,
  draftFromRule,
  EMPTY_RULE_DRAFT,
  PARAMS_OF,
  paramsText,
  RULE_TYPE_LABELS,
  type RiskRule,
  type RiskRuleDraft,
  type RuleType,
  riskRuleBody,
} from './risk-rule-draft';

const TYPE_OPTIONS = (Object.keys(RULE_TYPE_LABELS) as RuleType[]).map((t) => ({
  value: t,
  label: RULE_TYPE_LABELS[t],
}));
const ACTION_OPTIONS = [
  { value: 'flag', label: 'Flag (a case; the debit goes through)' },
  { value: 'hold', label: 'Hold (a case; the money waits for a decision)' },
  { value: 'block', label: 'Block (a case; the debit is refused)' },
];

function RulesTable({ rules, onCopy }: { rules: RiskRule[]; onCopy?: (rule: RiskRule) => void }) {
  return (
    <div class="table-wrap">
      <table class="table" data-testid="risk-rules-table">
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Type</th>
            <th scope="col">Threshold</th>
            <th scope="col">Action</th>
            <th scope="col">Applies to</th>
            <th scope="col">Effective from</th>
            <th scope="col">Reason</th>
            {onCopy && <th scope="col">Edit</th>}
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr key={rule.id} data-in-force={rule.inForce ? 'true' : 'false'} data-rule-key={rule.key}>
              <td>
                <span class="mono">{rule.key}</span>{' '}
                {rule.inForce ? (
                  <StatusBadge
                    status={rule.enabled ? 'active' : 'closed'}
                    label={rule.enabled ? 'in force' : 'off'}
                  />
                ) : Date.parse(rule.effectiveFrom) > Date.now() ? (
                  <StatusBadge status="pending" label="scheduled" />
                ) : null}
              </td>
              <td>{RULE_TYPE_LABELS[rule.type]}</td>
              <td>{paramsText(rule, (minor) => formatMoney(minor, rule.currency))}</td>
              <td>
                <StatusBadge
                  status={
                    rule.action === 'block' ? 'failed' : rule.action === 'hold' ? 'pending' : 'processing'
                  }
                  label={rule.action}
                />
              </td>
              <td>{rule.appliesTo.map((k) => DEBIT_KIND_LABELS[k]).join(', ')}</td>
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

function ParamFields({
  draft,
  set,
  errors,
}: {
  draft: RiskRuleDraft;
  set: (key: 'amount' | 'count' | 'minutes') => (value: string) => void;
  errors: Record<string, string>;
}) {
  const params = PARAMS_OF[draft.type];
  const currency = /^[A-Za-z]{3}$/.test(draft.currency) ? draft.currency.toUpperCase() : 'NGN';
  return (
    <>
      {params.includes('amount') && (
        <AmountField
          label="Threshold amount"
          name="riskAmount"
          value={draft.amount}
          onValue={set('amount')}
          currency={currency}
          hint="The rule fires above it; exactly this amount passes"
          error={errors.amount}
        />
      )}
      {params.includes('count') && (
        <TextField
          label="Count limit"
          name="count"
          id="risk-count"
          inputMode="numeric"
          value={draft.count}
          onValue={set('count')}
          hint="The rule fires above it"
          error={errors.count}
        />
      )}
      {params.includes('minutes') && (
        <TextField
          label="Window in minutes"
          name="minutes"
          id="risk-minutes"
          inputMode="numeric"
          value={draft.minutes}
          onValue={set('minutes')}
          error={errors.minutes}
        />
      )}
    </>
  );
}

function KindChecks({
  draft,
  setDraft,
  error,
}: {
  draft: RiskRuleDraft;
  setDraft: (draft: RiskRuleDraft) => void;
  error?: string;
}) {
  const toggle = (kind: DebitKind, on: boolean) =>
    setDraft({
      ...draft,
      appliesTo: on
        ? [...draft.appliesTo.filter((k) => k !== kind), kind]
        : draft.appliesTo.filter((k) => k !== kind),
    });
  return (
    <fieldset class="fieldset" aria-invalid={error ? 'true' : undefined}>
      <legend class="field-label">Debits it watches</legend>
      {(Object.keys(DEBIT_KIND_LABELS) as DebitKind[]).map((kind) => (
        <label key={kind} class="row">
          <input
            type="checkbox"
            name={`kind-${kind}`}
            checked={draft.appliesTo.includes(kind)}
            onChange={(e) => toggle(kind, (e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {DEBIT_KIND_LABELS[kind]}
        </label>
      ))}
      {error && <p class="field-error">{error}</p>}
    </fieldset>
  );
}

/** Admin only: a new version of one rule. Older versions are never changed. */
function RuleForm({
  draft,
  setDraft,
  onSaved,
}: {
  draft: RiskRuleDraft;
  setDraft: (draft: RiskRuleDraft) => void;
  onSaved: (rule: RiskRule) => void;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const set = (key: keyof RiskRuleDraft) => (value: string) => setDraft({ ...draft, [key]: value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = riskRuleBody(draft);
    setErrors(checked.errors ?? {});
    if (!checked.body) return focusFirstError(form.current);
    setBusy(true);
    setFailure(null);
    try {
      const saved = await api.put<{ data: RiskRule[] }>('/v1/admin/risk/rules', checked.body);
      onSaved(saved.data[0] as RiskRule);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Add a rule version" testId="risk-rule-new">
      <form ref={form} class="form" onSubmit={submit} noValidate data-testid="risk-rule-form">
        <div class="tier-rule-form">
          <TextField
            label="Rule key"
            name="key"
            id="risk-key"
            value={draft.key}
            onValue={(v) => set('key')(v.toLowerCase())}
            maxLength={63}
            hint="An existing key adds a version of it; a new key adds a rule"
            error={errors.key}
          />
          <SelectField
            label="Rule type"
            name="type"
            id="risk-type"
            value={draft.type}
            onValue={set('type')}
            options={TYPE_OPTIONS}
          />
          <SelectField
            label="Action taken"
            name="action"
            id="risk-action"
            value={draft.action}
            onValue={set('action')}
            options={ACTION_OPTIONS}
          />
          <ParamFields draft={draft} set={set} errors={errors} />
          <TextField
            label="Currency code"
            name="currency"
            id="risk-currency"
            value={draft.currency}
            onValue={(v) => set('currency')(v.toUpperCase().slice(0, 3))}
            maxLength={3}
            error={errors.currency}
          />
          <TextField
            label="Starts at"
            name="effectiveFrom"
            id="risk-effective"
            type="datetime-local"
            value={draft.effectiveFrom}
            onValue={set('effectiveFrom')}
            required={false}
            hint="Empty: from now. Never in the past."
            error={errors.effectiveFrom}
          />
        </div>
        <KindChecks draft={draft} setDraft={setDraft} error={errors.appliesTo} />
        <label class="row">
          <input
            type="checkbox"
            name="enabled"
            checked={draft.enabled}
            onChange={(e) => setDraft({ ...draft, enabled: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          Switched on
        </label>
        <TextField
          label="Why this change"
          name="reason"
          id="risk-rule-reason"
          value={draft.reason}
          onValue={set('reason')}
          maxLength={500}
          hint="Goes in the audit log"
          error={errors.reason}
        />
        {failure && <Alert>{failure}</Alert>}
        <Button type="submit" loading={busy} data-testid="risk-rule-submit">
          Add version
        </Button>
      </form>
    </Card>
  );
}

export function RiskRulesPage() {
  useTitle('Risk rules · Console');
  const { user } = useSession();
  const admin = user?.role === 'admin';
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<{ data: RiskRule[] }>('/v1/admin/risk/rules', { signal }),
    [],
  );
  const [draft, setDraft] = useState<RiskRuleDraft>(EMPTY_RULE_DRAFT);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div class="page wide">
      <PageHeader
        title="Risk rules"
        subtitle="What opens a risk case, and what happens to the debit. Every version is kept."
        actions={
          <Link href="/admin/risk" class="btn btn-secondary btn-md">
            Cases
          </Link>
        }
      />
      <div aria-live="polite">{message && <Alert kind="success">{message}</Alert>}</div>
      <Card>
        {error ? (
          <LoadError error={error} onRetry={reload} />
        ) : loading && !data ? (
          <Skeleton lines={5} />
        ) : !data?.data.length ? (
          <EmptyState title="No risk rules">Without a rule, no debit opens a case.</EmptyState>
        ) : (
          <RulesTable
            rules={data.data}
            onCopy={
              admin
                ? (rule) => {
                    setDraft(draftFromRule(rule));
                    document.getElementById('risk-rule-reason')?.focus();
                  }
                : undefined
            }
          />
        )}
      </Card>
      {admin ? (
        <RuleForm
          draft={draft}
          setDraft={setDraft}
          onSaved={(rule) => {
            setMessage(`Added a version of ${rule.key}, effective ${formatDateTime(rule.effectiveFrom)}.`);
            setDraft(EMPTY_RULE_DRAFT);
            void reload();
          }}
        />
      ) : (
        <p class="muted small">Only an admin can change risk rules.</p>
      )}
    </div>
  );
}
