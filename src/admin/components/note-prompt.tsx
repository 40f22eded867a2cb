import { Button, Label, Prompt, Textarea } from "@medusajs/ui"
import { MouseEvent, ReactNode, useState } from "react"

type NotePromptProps = {
  /** The button that opens the prompt. */
  trigger: ReactNode
  title: string
  description: ReactNode
  noteLabel: string
  placeholder: string
  /** The confirming button's words. */
  confirmLabel: string
  /** Whether the note may be left empty. */
  noteRequired: boolean
  /** The id of the note's field, for tests and labels. */
  noteFieldId: string
  /** Does the work; resolves true when the prompt may close (false keeps it open, e.g. on an error). */
  onConfirm: (note: string) => Promise<boolean>
}

/**
 * A confirmation with a note, for the merchant's decisions that leave a trace in the order's
 * Zonos history (releasing a hold, dismissing a row). Clicks inside it do not reach the table row
 * it may sit in.
 */
export const NotePrompt = (props: NotePromptProps) => {
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState("")
  const [busy, setBusy] = useState(false)

  const confirm = async () => {
    setBusy(true)
    try {
      if (await props.onConfirm(note)) {
        setOpen(false)
        setNote("")
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <Prompt
      variant="confirmation"
      open={open}
      onOpenChange={(next) => {
        if (!busy) setOpen(next)
      }}
    >
      <Prompt.Trigger asChild onClick={(event: MouseEvent) => event.stopPropagation()}>
        {props.trigger}
      </Prompt.Trigger>
      <Prompt.Content onClick={(event: MouseEvent) => event.stopPropagation()}>
        <Prompt.Header>
          <Prompt.Title>{props.title}</Prompt.Title>
          <Prompt.Description>{props.description}</Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-y-2 px-6 pt-4">
          <Label size="small" htmlFor={props.noteFieldId}>
            {props.noteLabel}
          </Label>
          <Textarea
            id={props.noteFieldId}
            name="note"
            value={note}
            maxLength={1000}
            rows={3}
            placeholder={props.placeholder}
            onChange={(event) => setNote(event.target.value)}
            disabled={busy}
          />
        </div>
        <Prompt.Footer>
          <Prompt.Cancel disabled={busy}>Cancel</Prompt.Cancel>
          <Button
            size="small"
            variant="primary"
            isLoading={busy}
            disabled={busy || (props.noteRequired && !note.trim())}
            onClick={confirm}
          >
            {props.confirmLabel}
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
