const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true, tsx: true },
          target: "es2021",
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
  setupFiles: ["./integration-tests/setup.js"],
  testTimeout: 60000,
}

const testType = process.env.TEST_TYPE
if (testType === "integration:http") {
  module.exports.testMatch = ["**/integration-tests/http/**/*.spec.[jt]s"]
} else if (testType === "integration:modules") {
  module.exports.testMatch = ["**/src/modules/*/__tests__/**/*.module.spec.[jt]s"]
} else if (testType === "unit") {
  module.exports.testMatch = ["**/src/**/__tests__/**/*.unit.spec.[jt]s"]
} else if (testType === "crash") {
  module.exports.testMatch = ["**/integration-tests/crash/**/*.spec.[jt]s"]
} else if (testType === "workers") {
  module.exports.testMatch = ["**/integration-tests/workers/**/*.spec.[jt]s"]
} else if (testType === "browser") {
  module.exports.testMatch = ["**/integration-tests/browser/**/*.spec.[jt]s"]
}
