import { errorMessage } from '../lib/api';
import { limitNotice } from '../lib/kyc';
import { Link } from '../lib/router';
import { Alert } from './ui';

/**
 * A refused money movement. A tier limit or a missing verification gets its
 * own words (how much is left, when it resets) and a way to raise the limit;
 * any other error shows the server's message.
 */
export function FailureAlert({
  error,
  currency,
  testId = 'form-error',
}: {
  error: unknown;
  currency: string;
  testId?: string;
}) {
  const notice = limitNotice(error, currency);
  if (!notice) return <Alert testId={testId}>{errorMessage(error)}</Alert>;
  return (
    <Alert kind="warning" title={notice.title} testId="limit-notice">
      <p data-testid={testId}>{notice.text}</p>
      {notice.upgrade && (
        <p>
          <Link href="/kyc" class="link" data-testid="limit-notice-kyc">
            See your limits and raise them
          </Link>
        </p>
      )}
    </Alert>
  );
}
