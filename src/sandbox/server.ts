import { createServer, IncomingMessage, Server, ServerResponse } from "node:http"
import { Socket } from "node:net"
import { answerApiCall, endpointForPath } from "./api-router"
import { CONTROL_PREFIX, EndpointName, MAX_BODY_BYTES } from "./constants"
import { answerControlCall } from "./control-api"
import { FaultDecision } from "./faults"
import { CHECKOUT_PATH, CHECKOUT_PAY_PATH, payCheckout, renderCheckoutPage } from "./hosted-checkout"
import { errorAnswer, HttpAnswer, readBody, sendAnswer, tryParseJson } from "./http-io"
import { SandboxState } from "./sandbox-state"

/** What the sandbox answers when a fault makes a call fail. */
const SERVER_FAULT_MESSAGE = "Cannot process order detail"

/** A body that starts like an order answer and breaks off: not JSON. */
const MALFORMED_BODY = '{"order":{"orderId":"999-1001","name":"Oliver Bennett","items":[{"productId":'

/**
 * The sandbox's HTTP server: routes control calls, plays faults, answers API calls, and
 * keeps track of sockets, held requests and delay timers so close() never hangs.
 */
export class SandboxServer {
  private readonly server: Server
  private readonly sockets = new Set<Socket>()
  private readonly held = new Set<ServerResponse>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private closing: Promise<void> | undefined

  constructor(private readonly state: SandboxState) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error)
        sendAnswer(res, errorAnswer(500, `Sandbox failure: ${message}`))
      })
    })
    this.server.on("connection", (socket: Socket) => {
      this.sockets.add(socket)
      socket.on("close", () => this.sockets.delete(socket))
    })
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error)
      this.server.once("error", onError)
      this.server.listen(port, host, () => {
        this.server.off("error", onError)
        const address = this.server.address()
        resolve(typeof address === "object" && address !== null ? address.port : port)
      })
    })
  }

  close(): Promise<void> {
    if (!this.closing) {
      this.closing = new Promise<void>((resolve) => {
        for (const timer of this.timers) clearTimeout(timer)
        this.timers.clear()
        for (const res of this.held) res.destroy()
        this.held.clear()
        this.server.close(() => resolve())
        this.server.closeAllConnections()
        for (const socket of this.sockets) socket.destroy()
      })
    }
    return this.closing
  }

  private get isClosing(): boolean {
    return this.closing !== undefined
  }

  /** Waits `ms`; resolves false instead when the sandbox closes meanwhile. */
  private delay(ms: number): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(!this.isClosing)
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        resolve(!this.isClosing)
      }, ms)
      this.timers.add(timer)
    })
  }

  /** Never answers: keeps the socket open until the client gives up or the sandbox closes. */
  private hold(res: ServerResponse): void {
    this.held.add(res)
    res.on("close", () => this.held.delete(res))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://sandbox.invalid")
    const path = url.pathname
    const body = await readBody(req, MAX_BODY_BYTES)

    // The hosted checkout page a shopper's browser visits (not an API call: not recorded, no faults).
    if (path === CHECKOUT_PATH && req.method === "GET") {
      sendAnswer(res, renderCheckoutPage(this.state, url))
      return
    }
    if (path === CHECKOUT_PAY_PATH && req.method === "POST") {
      sendAnswer(res, body.tooLarge ? errorAnswer(413, "Request body too large") : payCheckout(this.state, body.text))
      return
    }

    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
      const answer = body.tooLarge
        ? errorAnswer(413, "Request body too large")
        : answerControlCall(this.state, req.method ?? "GET", path.slice(CONTROL_PREFIX.length), body.text)
      sendAnswer(res, answer)
      return
    }

    const endpoint = endpointForPath(path)
    if (!endpoint) {
      sendAnswer(res, errorAnswer(404, "Not found"))
      return
    }
    await this.handleApiCall(endpoint, req, res, body.text, body.tooLarge)
  }

  private async handleApiCall(
    endpoint: EndpointName,
    req: IncomingMessage,
    res: ServerResponse,
    rawBody: string,
    tooLarge: boolean,
  ): Promise<void> {
    const parsed = tryParseJson(rawBody)
    const entry = this.state.recorder.record(
      endpoint,
      rawBody === "" ? null : parsed === undefined ? rawBody : parsed,
      this.state.now(),
    )
    this.state.recorder.opened(endpoint)
    res.once("close", () => this.state.recorder.closed(endpoint))
    const decision: FaultDecision = this.state.faults.decide(endpoint)
    if (decision === "timeout") {
      this.hold(res)
      return
    }
    const stillOpen = await this.delay(this.state.faults.latencyFor(endpoint))
    if (!stillOpen) return

    let answer: HttpAnswer
    if (decision === "error") {
      answer = errorAnswer(500, SERVER_FAULT_MESSAGE)
    } else if (decision === "malformed") {
      answer = { status: 200, contentType: "application/json", body: MALFORMED_BODY }
    } else if (tooLarge) {
      answer = errorAnswer(413, "Request body too large")
    } else {
      answer = answerApiCall(
        endpoint,
        { method: req.method, headers: req.headers, rawBody },
        { storeId: this.state.storeId, secret: this.state.secret },
        this.state.endpointContext(),
      )
    }
    entry.status = answer.status
    sendAnswer(res, answer)
  }
}
