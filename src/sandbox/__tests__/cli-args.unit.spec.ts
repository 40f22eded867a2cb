import { CliUsageError, DEFAULT_CLI_PORT, parseCliArgs } from "../cli-args"
import { SANDBOX_SECRET } from "../index"

describe("sandbox command line", () => {
  it("defaults to port 4010 on 127.0.0.1, store 999, seeded", () => {
    expect(parseCliArgs([], {})).toEqual({
      port: DEFAULT_CLI_PORT,
      host: "127.0.0.1",
      storeId: "999",
      secret: SANDBOX_SECRET,
      seed: true,
      help: false,
    })
    expect(DEFAULT_CLI_PORT).toBe(4010)
  })

  it("reads flags in both spellings and lets them override the environment", () => {
    const env = { ZONOS_SANDBOX_PORT: "5000", ZONOS_SANDBOX_HOST: "0.0.0.0" }
    expect(parseCliArgs([], env)).toMatchObject({ port: 5000, host: "0.0.0.0" })
    expect(
      parseCliArgs(["--port", "4011", "--host=localhost", "--store", "123", "--secret=abc", "--no-seed"], env),
    ).toEqual({ port: 4011, host: "localhost", storeId: "123", secret: "abc", seed: false, help: false })
  })

  it("refuses bad input", () => {
    expect(() => parseCliArgs(["--port", "http"], {})).toThrow(CliUsageError)
    expect(() => parseCliArgs(["--port"], {})).toThrow(CliUsageError)
    expect(() => parseCliArgs(["--store", "abc"], {})).toThrow(CliUsageError)
    expect(() => parseCliArgs(["--verbose"], {})).toThrow(CliUsageError)
    expect(() => parseCliArgs([], { ZONOS_SANDBOX_PORT: "99999" })).toThrow(CliUsageError)
  })
})
