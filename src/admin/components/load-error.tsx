import { Button, Text } from "@medusajs/ui"
import { errorMessage } from "../lib/words"

type LoadErrorProps = {
  /** What could not be loaded, e.g. "the Zonos orders". */
  what: string
  error: unknown
  onRetry: () => void
  retrying: boolean
  testId?: string
}

/** The one way the plugin's admin says a load failed: what, why, what to check, and "Try again". */
export const LoadError = ({ what, error, onRetry, retrying, testId }: LoadErrorProps) => (
  <div className="flex flex-col items-start gap-y-3 px-6 py-4" data-testid={testId}>
    <Text size="small" leading="compact" className="text-ui-fg-subtle">
      Could not load {what}: {errorMessage(error)}. Check that the server is running, then try again.
    </Text>
    <Button size="small" variant="secondary" onClick={onRetry} isLoading={retrying}>
      Try again
    </Button>
  </div>
)
