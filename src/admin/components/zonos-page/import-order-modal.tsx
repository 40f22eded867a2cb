import { ArrowDownTray } from "@medusajs/icons"
import { Alert, Button, FocusModal, Heading, Hint, Input, Label, Text, toast } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import { Link } from "react-router-dom"
import { useImportZonosOrder } from "../../hooks/zonos"
import { importOutcomeText } from "../../lib/outcome-texts"
import { errorMessage } from "../../lib/words"
import type { ZonosImportResult } from "../../lib/types"

const ZONOS_ID = /^\s*(\d+-)?\d+\s*$/

/** "Import an order": imports one Zonos order by its id and shows how it ended. */
export const ImportOrderModal = ({ storeId }: { storeId?: string | null }) => {
  const [open, setOpen] = useState(false)
  const [value, setValue] = useState("")
  const [invalid, setInvalid] = useState<string | null>(null)
  const [result, setResult] = useState<ZonosImportResult | null>(null)
  const importOrder = useImportZonosOrder()

  const reset = () => {
    setValue("")
    setInvalid(null)
    setResult(null)
    importOrder.reset()
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!ZONOS_ID.test(value)) {
      setInvalid(`Enter a Zonos order id such as ${storeId ?? "999"}-12345.`)
      return
    }
    setInvalid(null)
    setResult(null)
    try {
      const outcome = await importOrder.mutateAsync(value)
      setResult(outcome)
      const text = importOutcomeText(outcome, storeId)
      toast[text.tone](text.title, { description: text.description })
    } catch (error) {
      toast.error("Could not import the order", { description: errorMessage(error) })
    }
  }

  const text = result ? importOutcomeText(result, storeId) : null

  return (
    <FocusModal
      open={open}
      onOpenChange={(next) => {
        if (importOrder.isPending) return
        setOpen(next)
        if (!next) reset()
      }}
    >
      <FocusModal.Trigger asChild>
        <Button size="small" variant="secondary">
          <ArrowDownTray />
          Import an order
        </Button>
      </FocusModal.Trigger>
      <FocusModal.Content>
        <form onSubmit={onSubmit} className="flex h-full flex-col overflow-hidden" noValidate>
          <FocusModal.Header />
          <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-16">
            <div className="flex w-full max-w-[560px] flex-col gap-y-8 px-6">
              <div className="flex flex-col gap-y-1">
                <FocusModal.Title asChild>
                  <Heading>Import a Zonos order</Heading>
                </FocusModal.Title>
                <FocusModal.Description asChild>
                  <Text size="small" className="text-ui-fg-subtle">
                    Imports an order Zonos has but this store missed, for example when the shopper never
                    reached the success page. Importing an order twice is safe: it is only created once.
                  </Text>
                </FocusModal.Description>
              </div>
              <div className="flex flex-col gap-y-2">
                <Label size="small" weight="plus" htmlFor="zonos-import-id">
                  Zonos order id
                </Label>
                <Input
                  id="zonos-import-id"
                  name="zonos_order_id"
                  autoComplete="off"
                  placeholder={`${storeId ?? "999"}-12345`}
                  value={value}
                  aria-invalid={Boolean(invalid)}
                  disabled={importOrder.isPending}
                  onChange={(event) => setValue(event.target.value)}
                />
                {invalid ? (
                  <Hint variant="error">{invalid}</Hint>
                ) : (
                  <Hint>As shown in the Zonos dashboard, with or without the store prefix.</Hint>
                )}
              </div>
              {result && text && (
                <Alert
                  variant={text.tone === "success" ? "success" : text.tone === "warning" ? "warning" : "error"}
                  data-testid="zonos-import-outcome"
                >
                  <div className="flex flex-col gap-y-1">
                    <Text size="small" weight="plus" leading="compact" className="text-ui-fg-base">
                      {text.title}
                    </Text>
                    <Text size="small" leading="compact" className="text-ui-fg-subtle">
                      {text.description}
                    </Text>
                    {result.order_id && (
                      <Link
                        to={`/orders/${result.order_id}`}
                        className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                      >
                        Open order #{result.display_id}
                      </Link>
                    )}
                  </div>
                </Alert>
              )}
            </div>
          </FocusModal.Body>
          <FocusModal.Footer>
            <FocusModal.Close asChild>
              <Button size="small" variant="secondary" type="button" disabled={importOrder.isPending}>
                {result ? "Close" : "Cancel"}
              </Button>
            </FocusModal.Close>
            <Button size="small" type="submit" isLoading={importOrder.isPending} disabled={!value.trim()}>
              Import
            </Button>
          </FocusModal.Footer>
        </form>
      </FocusModal.Content>
    </FocusModal>
  )
}
