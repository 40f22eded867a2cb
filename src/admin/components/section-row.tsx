import { clx, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type SectionRowProps = {
  title: string
  value?: ReactNode
  /** Align the title with the first line of a multi-line value. */
  alignTop?: boolean
  testId?: string
}

/** A label/value row, laid out like the dashboard's own detail sections. */
export const SectionRow = ({ title, value, alignTop, testId }: SectionRowProps) => {
  const isText = typeof value === "string" || typeof value === "number" || value === null || value === undefined
  return (
    <div
      className={clx("text-ui-fg-subtle grid w-full grid-cols-2 gap-4 px-6 py-4", alignTop ? "items-start" : "items-center")}
      data-testid={testId}
    >
      <Text size="small" weight="plus" leading="compact">
        {title}
      </Text>
      {isText ? (
        <Text size="small" leading="compact" className="whitespace-pre-line text-pretty break-words">
          {value === null || value === undefined || value === "" ? "-" : value}
        </Text>
      ) : (
        <div className="txt-compact-small flex min-w-0 flex-wrap items-center gap-1">{value}</div>
      )}
    </div>
  )
}
