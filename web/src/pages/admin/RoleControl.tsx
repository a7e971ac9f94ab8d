import { useRef, useState } from 'preact/hooks';
import { Alert, Button, Card, focusFirstError, SelectField, TextField } from '../../components/ui';
import { api, errorMessage } from '../../lib/api';
import { useSession } from '../../lib/session';

export const ROLE_LABELS: Record<string, string> = {
  customer: 'Customer',
  support: 'Support (read-only: sees customers and transactions, opens disputes)',
  operator: 'Operator (handles payments, reviews, disputes)',
  admin: 'Admin (everything, including roles and settings)',
};

/** Admins set a person's role from their page, with a reason (audited); others see the role only. */
export function RoleControl({
  userId,
  role,
  onChanged,
}: {
  userId: string;
  role: string;
  onChanged: (message: string) => void;
}) {
  const { user } = useSession();
  const [next, setNext] = useState(role);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  if (user?.role !== 'admin' || user.id === userId) return null;

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (next === role) found.role = 'Choose a different role';
    if (reason.trim().length < 3) found.reason = 'Give a reason (it goes into the audit log)';
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) return focusFirstError(form.current);
    setBusy(true);
    try {
      await api.post(`/v1/admin/users/${encodeURIComponent(userId)}/role`, {
        role: next,
        reason: reason.trim(),
      });
      setReason('');
      onChanged(`Role changed to ${next}.`);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Staff role" testId="role-control">
      <form ref={form} onSubmit={submit} noValidate class="stack">
        <SelectField
          label="Role"
          name="role"
          id="role-select"
          value={next}
          onValue={setNext}
          error={errors.role}
          options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <TextField
          label="Why change the role"
          name="role-reason"
          id="role-reason"
          value={reason}
          onValue={setReason}
          error={errors.reason}
        />
        {failure && <Alert>{failure}</Alert>}
        <div>
          <Button type="submit" loading={busy} data-testid="role-submit">
            Change role
          </Button>
        </div>
      </form>
    </Card>
  );
}
