import { errorAnswer, HttpAnswer, jsonAnswer, tryParseJson } from "./http-io"
import { FaultsError } from "./faults"
import { isJsonObject, JsonObject } from "./json"
import { OrderFieldsError } from "./order-builder"
import { SandboxState, UnknownOrderError } from "./sandbox-state"

/**
 * The sandbox's own control API under `/__sandbox/`: JSON in and out, no credentials,
 * not counted as API calls. It drives the same operations as the programmatic API.
 */

interface ControlRequest {
  method: string
  /** Path below the control prefix, e.g. "/orders/999-1001/status". */
  path: string
  body: JsonObject
}

type Route = {
  pattern: RegExp
  methods: Record<string, (state: SandboxState, request: ControlRequest, params: string[]) => HttpAnswer>
}

function orderNotFound(id: string): HttpAnswer {
  return errorAnswer(404, `No order ${id} in the sandbox`)
}

const ROUTES: Route[] = [
  {
    pattern: /^\/health$/,
    methods: {
      GET: (state) =>
        jsonAnswer(200, { status: "ok", storeId: state.storeId, orders: state.store.entries().length, faults: state.faults.current() }),
    },
  },
  {
    pattern: /^\/orders$/,
    methods: {
      GET: (state) => {
        const orders = state.listOrders()
        return jsonAnswer(200, { orders, count: orders.length })
      },
      POST: (state, request) => jsonAnswer(201, state.addOrder(request.body)),
    },
  },
  {
    pattern: /^\/orders\/([^/]+)$/,
    methods: {
      GET: (state, _request, [id]) => {
        const order = state.getOrder(id)
        return order ? jsonAnswer(200, order) : orderNotFound(id)
      },
    },
  },
  {
    pattern: /^\/orders\/([^/]+)\/status$/,
    methods: {
      POST: (state, request, [id]) => {
        const status = request.body.orderStatus
        if (typeof status !== "string" || status.trim() === "") return errorAnswer(400, "orderStatus (a non-empty string) is required")
        return jsonAnswer(200, state.setOrderStatus(id, status))
      },
    },
  },
  {
    pattern: /^\/faults$/,
    methods: {
      GET: (state) => jsonAnswer(200, { faults: state.faults.current() }),
      PUT: (state, request) => {
        state.setFaults(request.body)
        return jsonAnswer(200, { faults: state.faults.current() })
      },
      DELETE: (state) => {
        state.clearFaults()
        return jsonAnswer(200, { faults: state.faults.current() })
      },
    },
  },
  {
    pattern: /^\/calls$/,
    methods: {
      GET: (state) =>
        jsonAnswer(200, {
          counts: state.recorder.countsByEndpoint(),
          peak_open: state.recorder.peakOpenByEndpoint(),
          log: state.recorder.entries(),
        }),
      DELETE: (state) => {
        state.recorder.clear()
        return jsonAnswer(200, { counts: state.recorder.countsByEndpoint(), log: [] })
      },
    },
  },
  {
    pattern: /^\/reset$/,
    methods: {
      POST: (state) => {
        state.reset()
        return jsonAnswer(200, { status: "reset", orders: state.store.entries().length })
      },
    },
  },
]

function decodeParams(match: RegExpExecArray): string[] | undefined {
  try {
    return match.slice(1).map((part) => decodeURIComponent(part))
  } catch {
    return undefined
  }
}

/** Answers a control API call. `path` is the part after `/__sandbox`. */
export function answerControlCall(state: SandboxState, method: string, path: string, rawBody: string): HttpAnswer {
  let body: JsonObject = {}
  if (rawBody.trim() !== "") {
    const parsed = tryParseJson(rawBody)
    if (!isJsonObject(parsed)) return errorAnswer(400, "The control API takes a JSON object body")
    body = parsed
  }
  for (const route of ROUTES) {
    const match = route.pattern.exec(path)
    if (!match) continue
    const handler = route.methods[method]
    if (!handler) {
      return { ...errorAnswer(405, "Method not allowed"), headers: { Allow: Object.keys(route.methods).join(", ") } }
    }
    const params = decodeParams(match)
    if (!params) return errorAnswer(400, "Malformed path")
    try {
      return handler(state, { method, path, body }, params)
    } catch (error) {
      if (error instanceof UnknownOrderError) return orderNotFound(params[0] ?? "")
      if (error instanceof OrderFieldsError || error instanceof FaultsError) {
        return errorAnswer(400, error.message)
      }
      throw error
    }
  }
  return errorAnswer(404, "Not found")
}
