import { useRef, useState } from 'preact/hooks';
import { Alert, Button, Card, focusFirstError, SelectField, TextField } from '../../components/ui';
import { api } from '../../lib/api';
import { ID_TYPE_LABELS, kycRefusal } from '../../lib/kyc';
import type { RequestBody, ResponseBody } from '../../lib/types';

type Verification = ResponseBody<'/v1/me/kyc/bvn', 'post'>;
type Tier3Request = RequestBody<'/v1/me/kyc/tier3', 'post'>;

/** A refused submission: the server's message, what to do next, and the code for support. */
function RefusalAlert({ error }: { error: unknown }) {
  const refusal = kycRefusal(error);
  return (
    <Alert testId="kyc-error">
      <p data-code={refusal.code}>{refusal.message}</p>
      {refusal.hint && <p class="small">{refusal.hint}</p>}
    </Alert>
  );
}

/** A verified number, masked as the API gives it. */
export function VerifiedNumber({ label, masked, testId }: { label: string; masked: string; testId: string }) {
  return (
    <Card testId={testId}>
      <div class="kyc-verified">
        <span class="badge badge-success">Verified</span>
        <span>
          {label} <span class="mono">{masked}</span>
        </span>
      </div>
    </Card>
  );
}

const ELEVEN_DIGITS = /^\d{11}$/;

/** Submits once; a refusal stays on screen until the next try. */
function useSubmission<T>(send: () => Promise<T>, onDone: (result: T) => void) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onDone(await send());
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}

export function BvnForm({ onVerified }: { onVerified: (result: Verification) => void }) {
  const [bvn, setBvn] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  const submission = useSubmission(
    () => api.post<Verification>('/v1/me/kyc/bvn', { bvn, dateOfBirth }),
    onVerified,
  );
  const submit = (event: Event) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!ELEVEN_DIGITS.test(bvn)) next.bvn = 'A BVN is 11 digits';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) next.dateOfBirth = 'Enter your date of birth';
    setErrors(next);
    if (Object.keys(next).length) return focusFirstError(form.current);
    void submission.run();
  };
  return (
    <Card title="Bank Verification Number (BVN)" testId="kyc-bvn">
      <form ref={form} class="form" onSubmit={submit} noValidate data-testid="kyc-bvn-form">
        <p class="muted small">Dial *565*0# on the phone number your bank knows to see your BVN.</p>
        <TextField
          label="BVN"
          name="bvn"
          id="kyc-bvn-number"
          value={bvn}
          onValue={(v) => setBvn(v.replace(/\D/g, '').slice(0, 11))}
          inputMode="numeric"
          autoComplete="off"
          maxLength={11}
          error={errors.bvn}
        />
        <TextField
          label="Date of birth"
          name="dateOfBirth"
          id="kyc-bvn-dob"
          type="date"
          value={dateOfBirth}
          onValue={setDateOfBirth}
          hint="As it is on your BVN record"
          error={errors.dateOfBirth}
        />
        {submission.failure !== null && <RefusalAlert error={submission.failure} />}
        <Button type="submit" loading={submission.busy} data-testid="kyc-bvn-submit">
          Verify BVN
        </Button>
      </form>
    </Card>
  );
}

export function NinForm({ onVerified }: { onVerified: (result: Verification) => void }) {
  const [nin, setNin] = useState('');
  const [error, setError] = useState<string | undefined>();
  const form = useRef<HTMLFormElement>(null);
  const submission = useSubmission(() => api.post<Verification>('/v1/me/kyc/nin', { nin }), onVerified);
  const submit = (event: Event) => {
    event.preventDefault();
    if (!ELEVEN_DIGITS.test(nin)) {
      setError('A NIN is 11 digits');
      return focusFirstError(form.current);
    }
    setError(undefined);
    void submission.run();
  };
  return (
    <Card title="National Identification Number (NIN)" testId="kyc-nin">
      <form ref={form} class="form" onSubmit={submit} noValidate data-testid="kyc-nin-form">
        <p class="muted small">Your NIN is on your NIN slip or card, or dial *346# to see it.</p>
        <TextField
          label="NIN"
          name="nin"
          id="kyc-nin-number"
          value={nin}
          onValue={(v) => setNin(v.replace(/\D/g, '').slice(0, 11))}
          inputMode="numeric"
          autoComplete="off"
          maxLength={11}
          error={error}
        />
        {submission.failure !== null && <RefusalAlert error={submission.failure} />}
        <Button type="submit" loading={submission.busy} data-testid="kyc-nin-submit">
          Verify NIN
        </Button>
      </form>
    </Card>
  );
}

const ID_OPTIONS = Object.entries(ID_TYPE_LABELS).map(([value, label]) => ({ value, label }));

function checkTier3(address: string, idType: string, idNumber: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (address.trim().length < 5) errors.address = 'Enter your home address';
  if (!idType) errors.idType = 'Choose the ID document';
  if (!/^[A-Za-z0-9-]{5,30}$/.test(idNumber.trim()))
    errors.idNumber = 'The document number is 5 to 30 letters, digits or dashes';
  return errors;
}

export function Tier3Form({ onSubmitted }: { onSubmitted: () => void }) {
  const [address, setAddress] = useState('');
  const [idType, setIdType] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  const body = { address: address.trim(), idType, idNumber: idNumber.trim() } as Tier3Request;
  const submission = useSubmission(() => api.post('/v1/me/kyc/tier3', body), onSubmitted);
  const submit = (event: Event) => {
    event.preventDefault();
    const next = checkTier3(address, idType, idNumber);
    setErrors(next);
    if (Object.keys(next).length) return focusFirstError(form.current);
    void submission.run();
  };
  return (
    <Card title="Address and ID document" testId="kyc-tier3">
      <form ref={form} class="form" onSubmit={submit} noValidate data-testid="kyc-tier3-form">
        <p class="muted small">Our team checks these by hand, usually within one working day.</p>
        <TextField
          label="Home address"
          name="address"
          id="kyc-address"
          value={address}
          onValue={setAddress}
          autoComplete="street-address"
          maxLength={500}
          error={errors.address}
        />
        <SelectField
          label="ID document"
          name="idType"
          id="kyc-id-type"
          value={idType}
          onValue={setIdType}
          placeholder="Choose a document"
          required
          options={ID_OPTIONS}
          error={errors.idType}
        />
        <TextField
          label="Document number"
          name="idNumber"
          id="kyc-id-number"
          value={idNumber}
          onValue={setIdNumber}
          autoComplete="off"
          maxLength={30}
          error={errors.idNumber}
        />
        {submission.failure !== null && <RefusalAlert error={submission.failure} />}
        <Button type="submit" loading={submission.busy} data-testid="kyc-tier3-submit">
          Send for review
        </Button>
      </form>
    </Card>
  );
}
