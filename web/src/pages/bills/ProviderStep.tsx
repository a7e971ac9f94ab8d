import { Button, Card, cx, EmptyState, LoadError, Skeleton } from '../../components/ui';
import type { AsyncState } from '../../lib/hooks';
import type { Biller } from '../../lib/types';

/** Step 2: the biller, from the chosen category's list. */
export function ProviderStep({
  billers,
  biller,
  onChoose,
  onChange,
}: {
  billers: AsyncState<Biller[]>;
  /** The chosen one, if any. */
  biller: Biller | null;
  onChoose: (biller: Biller) => void;
  onChange: () => void;
}) {
  return (
    <Card
      title="2. Choose a provider"
      actions={
        biller && (
          <Button variant="ghost" size="sm" onClick={onChange} data-testid="change-biller">
            Change
          </Button>
        )
      }
    >
      {billers.error ? (
        <LoadError error={billers.error} onRetry={billers.reload} />
      ) : billers.loading ? (
        <Skeleton lines={3} />
      ) : !billers.data?.length ? (
        <EmptyState title="No providers here yet">Try another category.</EmptyState>
      ) : (
        <fieldset class="fieldset">
          <legend class="sr-only">Provider</legend>
          <div class="option-list">
            {/* Once chosen, only the chosen provider stays on screen ("Change" brings the list back). */}
            {(biller ? [biller] : billers.data).map((b) => (
              <button
                key={b.id}
                type="button"
                class={cx('option', biller?.id === b.id && 'selected')}
                aria-pressed={biller?.id === b.id ? 'true' : 'false'}
                disabled={!b.enabled}
                onClick={() => onChoose(b)}
                data-testid={`biller-${b.id}`}
              >
                <span class="option-name">{b.name}</span>
                {!b.enabled && <span class="muted small">Unavailable right now</span>}
              </button>
            ))}
          </div>
        </fieldset>
      )}
    </Card>
  );
}
