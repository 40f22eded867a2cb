import { Button, Label, Prompt, Textarea, toast } from "@medusajs/ui"
import { MouseEvent, useState } from "react"
import { useDismissZonosOrder } from "../../hooks/zonos"
import { errorMessage } from "../../lib/format"

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
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState("")
  const dismiss = useDismissZonosOrder()

  const onConfirm = async () => {
    try {
      await dismiss.mutateAsync({ zonosOrderId, note })
      toast.success(`Zonos order ${label} dismissed`, { description: "It stays under the Dismissed filter, with your note." })
      setOpen(false)
      setNote("")
    } catch (error) {
      toast.error(`Could not dismiss ${label}`, { description: errorMessage(error) })
    }
  }

  return (
    <Prompt
      variant="confirmation"
      open={open}
      onOpenChange={(next) => {
        if (!dismiss.isPending) setOpen(next)
      }}
    >
      <Prompt.Trigger asChild>
        <Button
          size="small"
          variant="transparent"
          onClick={(event: MouseEvent) => event.stopPropagation()}
          aria-label={`Dismiss ${label}`}
        >
          Dismiss
        </Button>
      </Prompt.Trigger>
      <Prompt.Content onClick={(event: MouseEvent) => event.stopPropagation()}>
        <Prompt.Header>
          <Prompt.Title>Dismiss Zonos order {label}?</Prompt.Title>
          <Prompt.Description>
            The sweep stops retrying it and it leaves the list (the Dismissed filter shows it). Nothing is
            deleted: the row and its history stay, with your note.
          </Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-y-2 px-6 pt-4">
          <Label size="small" htmlFor="zonos-dismiss-note">
            Why will it never import?
          </Label>
          <Textarea
            id="zonos-dismiss-note"
            name="note"
            value={note}
            maxLength={1000}
            rows={3}
            placeholder="e.g. Not one of our orders: someone tried ids at the success page"
            onChange={(event) => setNote(event.target.value)}
            disabled={dismiss.isPending}
          />
        </div>
        <Prompt.Footer>
          <Prompt.Cancel disabled={dismiss.isPending}>Cancel</Prompt.Cancel>
          <Button
            size="small"
            variant="primary"
            isLoading={dismiss.isPending}
            disabled={dismiss.isPending || !note.trim()}
            onClick={onConfirm}
          >
            Dismiss
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
