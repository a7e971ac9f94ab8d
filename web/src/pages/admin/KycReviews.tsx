import { useRef, useState } from 'preact/hooks';
import {
  Alert,
  Button,
  Card,
  cx,
  DefinitionList,
  EmptyState,
  focusFirstError,
  LoadError,
  PageHeader,
  Skeleton,
  StatusBadge,
  TextField,
} from '../../components/ui';
import { api, errorMessage, normalizePage, qs } from '../../lib/api';
import { formatDateTime, shortId } from '../../lib/format';
import { useAsync, useTitle } from '../../lib/hooks';
import { ID_TYPE_LABELS } from '../../lib/kyc';
import { Link, navigate, useLocation } from '../../lib/router';
import type { ResponseBody } from '../../lib/types';

type ReviewPage = ResponseBody<'/v1/admin/kyc/reviews', 'get'>;
export type KycReview = ReviewPage['data'][number];

const STATUSES = ['pending', 'approved', 'rejected'] as const;

/** Approve or reject one pending request; the reason goes in the audit log. */
function DecisionForm({ review, onDecided }: { review: KycReview; onDecided: (message: string) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const decide = async (decision: 'approve' | 'reject') => {
    if (reason.trim().length < 3) {
      setError('Give a reason (at least 3 characters); it goes in the audit log');
      return focusFirstError(form.current);
    }
    setError(undefined);
    setFailure(null);
    setBusy(decision);
    try {
      await api.post(`/v1/admin/kyc/reviews/${review.id}/${decision}`, { reason: reason.trim() });
      onDecided(
        decision === 'approve'
          ? `Approved: customer ${shortId(review.userId)} is on tier 3.`
          : `Rejected the request of customer ${shortId(review.userId)}; they may submit again.`,
      );
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <form
      ref={form}
      class="form"
      noValidate
      data-testid="kyc-decision-form"
      onSubmit={(e) => {
        e.preventDefault();
        void decide('approve');
      }}
    >
      <TextField
        label="Reason"
        name="reason"
        id={`kyc-reason-${review.id}`}
        value={reason}
        onValue={setReason}
        maxLength={500}
        hint="For example: address matches the utility bill; ID number checked"
        error={error}
      />
      {failure && <Alert>{failure}</Alert>}
      <div class="row row-end">
        <Button
          variant="danger"
          onClick={() => void decide('reject')}
          loading={busy === 'reject'}
          disabled={busy !== null}
          data-testid="kyc-reject"
        >
          Reject
        </Button>
        <Button type="submit" loading={busy === 'approve'} disabled={busy !== null} data-testid="kyc-approve">
          Approve tier 3
        </Button>
      </div>
    </form>
  );
}

function ReviewCard({ review, onDecided }: { review: KycReview; onDecided: (message: string) => void }) {
  return (
    <Card testId={`kyc-review-${review.id}`}>
      <div class="review-head">
        <div>
          <Link href={`/admin/customers/${review.userId}`} class="link">
            Customer <span class="mono">{shortId(review.userId)}</span>
          </Link>
          <div class="muted small">submitted {formatDateTime(review.submittedAt)}</div>
        </div>
        <StatusBadge
          status={
            review.status === 'approved' ? 'succeeded' : review.status === 'rejected' ? 'failed' : 'pending'
          }
          label={review.status}
        />
      </div>
      <DefinitionList
        items={[
          ['Address', review.address],
          ['ID document', ID_TYPE_LABELS[review.idType] ?? review.idType],
          ['Document number', <span class="mono">{review.idNumber}</span>],
          ...(review.decidedAt
            ? ([
                ['Decided', formatDateTime(review.decidedAt)],
                ['Reason', review.reason ?? '—'],
              ] as [string, string][])
            : []),
        ]}
      />
      {review.status === 'pending' && <DecisionForm review={review} onDecided={onDecided} />}
    </Card>
  );
}

export function KycReviewsPage() {
  useTitle('KYC reviews · Console');
  const { query } = useLocation();
  const status = (STATUSES as readonly string[]).includes(query.get('status') ?? '')
    ? (query.get('status') as (typeof STATUSES)[number])
    : 'pending';
  const cursor = query.get('cursor') ?? undefined;
  const { data, error, loading, reload } = useAsync(
    async (signal) =>
      normalizePage(await api.get<ReviewPage>(`/v1/admin/kyc/reviews${qs({ status, cursor })}`, { signal })),
    [status, cursor],
  );
  const [done, setDone] = useState<string | null>(null);
  return (
    <div class="page wide">
      <PageHeader
        title="KYC reviews"
        subtitle="Tier 3 requests: check the address and ID document, then approve or reject. Oldest first."
      />
      <nav class="chips" aria-label="Status">
        {STATUSES.map((s) => (
          <Link
            key={s}
            href={`/admin/kyc-reviews${qs({ status: s === 'pending' ? undefined : s })}`}
            class={cx('chip', s === status && 'active')}
            aria-current={s === status ? 'page' : undefined}
          >
            {s.charAt(0).toUpperCase() + s.slice(1)}
          </Link>
        ))}
      </nav>
      <div aria-live="polite">{done && <Alert kind="success">{done}</Alert>}</div>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Skeleton lines={4} />
      ) : !data?.data.length ? (
        <Card>
          <EmptyState title={status === 'pending' ? 'Nothing to review' : `No ${status} requests`}>
            {status === 'pending' ? 'Every tier 3 request has a decision.' : undefined}
          </EmptyState>
        </Card>
      ) : (
        <div class="stack" data-testid="kyc-reviews">
          {data.data.map((review) => (
            <ReviewCard
              key={review.id}
              review={review}
              onDecided={(message) => {
                setDone(message);
                void reload();
              }}
            />
          ))}
          {data.nextCursor && (
            <div class="row row-center">
              <Button
                variant="secondary"
                onClick={() =>
                  navigate(`/admin/kyc-reviews${qs({ status, cursor: data.nextCursor })}`, { replace: false })
                }
              >
                Older requests
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
