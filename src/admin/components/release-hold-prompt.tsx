import { Button, Label, Prompt, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useReleaseZonosHold } from "../hooks/zonos"
import { errorMessage, holdReasonText } from "../lib/format"

type ReleaseHoldPromptProps = {
  /** "999-1001" */
  zonosOrderLabel: string
  holdReason: string | null
}

/**
 * "Release hold" with a confirmation and an optional note, for the holds a merchant may
 * end (screening-list match, test order). Zonos ends its own holds.
 */
export const ReleaseHoldPrompt = ({ zonosOrderLabel, holdReason }: ReleaseHoldPromptProps) => {
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState("")
  const release = useReleaseZonosHold()

  const onConfirm = async () => {
    try {
      await release.mutateAsync({ zonosOrderId: zonosOrderLabel, note })
      toast.success("Hold released", {
        description: `Zonos order ${zonosOrderLabel} can now be fulfilled.`,
      })
      setOpen(false)
      setNote("")
    } catch (error) {
      toast.error("Could not release the hold", { description: errorMessage(error) })
    }
  }

  return (
    <Prompt
      variant="confirmation"
      open={open}
      onOpenChange={(next) => {
        if (!release.isPending) setOpen(next)
      }}
    >
      <Prompt.Trigger asChild>
        <Button size="small" variant="secondary">
          Release hold
        </Button>
      </Prompt.Trigger>
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title>Release the hold on {zonosOrderLabel}?</Prompt.Title>
          <Prompt.Description>
            {holdReasonText(holdReason)}. Once released, the order can be fulfilled. The note is kept
            in the order's Zonos history.
          </Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-y-2 px-6 pt-4">
          <Label size="small" htmlFor="zonos-release-note">
            Note (optional)
          </Label>
          <Textarea
            id="zonos-release-note"
            name="note"
            value={note}
            maxLength={1000}
            rows={3}
            placeholder="e.g. Checked the buyer against the screening list: not the listed party"
            onChange={(event) => setNote(event.target.value)}
            disabled={release.isPending}
          />
        </div>
        <Prompt.Footer>
          <Prompt.Cancel disabled={release.isPending}>Cancel</Prompt.Cancel>
          <Button
            size="small"
            variant="primary"
            isLoading={release.isPending}
            disabled={release.isPending}
            onClick={onConfirm}
          >
            Release hold
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
