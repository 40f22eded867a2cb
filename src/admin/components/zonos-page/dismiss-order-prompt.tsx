import { Button, toast } from "@medusajs/ui"
import { useDismissZonosOrder } from "../../hooks/zonos"
import { errorMessage } from "../../lib/words"
import { NotePrompt } from "../note-prompt"

type DismissOrderPromptProps = {
  /** The stored, normalised id ("1001"). */
  zonosOrderId: string
  /** "999-1001" */
  label: string
}

/**
 * "Dismiss" for a row that will never import (an id Zonos does not know, an order settled by
 * hand), with a required note. The row and its history stay; it leaves the default list and the
 * sweep stops retrying it.
 */
export const DismissOrderPrompt = ({ zonosOrderId, label }: DismissOrderPromptProps) => {
  const dismiss = useDismissZonosOrder()
  const onConfirm = async (note: string) => {
    try {
      await dismiss.mutateAsync({ zonosOrderId, note })
      toast.success(`Zonos order ${label} dismissed`, { description: "It stays under the Dismissed filter, with your note." })
      return true
    } catch (error) {
      toast.error(`Could not dismiss ${label}`, { description: errorMessage(error) })
      return false
    }
  }
  return (
    <NotePrompt
      trigger={
        <Button size="small" variant="transparent" aria-label={`Dismiss ${label}`}>
          Dismiss
        </Button>
      }
      title={`Dismiss Zonos order ${label}?`}
      description="The sweep stops retrying it and it leaves the list (the Dismissed filter shows it). Nothing is deleted: the row and its history stay, with your note."
      noteLabel="Why will it never import?"
      placeholder="e.g. Not one of our orders: someone tried ids at the success page"
      confirmLabel="Dismiss"
      noteRequired
      noteFieldId="zonos-dismiss-note"
      onConfirm={onConfirm}
    />
  )
}
