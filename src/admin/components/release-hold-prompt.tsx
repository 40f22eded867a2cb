import { Button, toast } from "@medusajs/ui"
import { useReleaseZonosHold } from "../hooks/zonos"
import { holdReasonText } from "../lib/labels"
import { errorMessage } from "../lib/words"
import { NotePrompt } from "./note-prompt"

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
  const release = useReleaseZonosHold()
  const onConfirm = async (note: string) => {
    try {
      await release.mutateAsync({ zonosOrderId: zonosOrderLabel, note })
      toast.success("Hold released", { description: `Zonos order ${zonosOrderLabel} can now be fulfilled.` })
      return true
    } catch (error) {
      toast.error("Could not release the hold", { description: errorMessage(error) })
      return false
    }
  }
  return (
    <NotePrompt
      trigger={
        <Button size="small" variant="secondary">
          Release hold
        </Button>
      }
      title={`Release the hold on ${zonosOrderLabel}?`}
      description={`${holdReasonText(holdReason)}. Once released, the order can be fulfilled. The note is kept in the order's Zonos history.`}
      noteLabel="Note (optional)"
      placeholder="e.g. Checked the buyer against the screening list: not the listed party"
      confirmLabel="Release hold"
      noteRequired={false}
      noteFieldId="zonos-release-note"
      onConfirm={onConfirm}
    />
  )
}
