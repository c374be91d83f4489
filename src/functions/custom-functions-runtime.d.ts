/**
 * The part of the Excel custom functions runtime this add-in uses (CustomFunctionsRuntime 1.2).
 * @types/custom-functions-runtime is not installed; this declares just enough.
 */
declare namespace CustomFunctions {
  /** Error codes; only `#VALUE!` and `#N/A` show a custom message. */
  enum ErrorCode {
    invalidValue = '#VALUE!',
    notAvailable = '#N/A',
    divisionByZero = '#DIV/0!',
    invalidNumber = '#NUM!',
    nullReference = '#NULL!',
  }
  class Error {
    constructor(code: ErrorCode, message?: string);
    code: ErrorCode;
    message?: string;
  }
  function associate(id: string, fn: (...args: any[]) => unknown): void;
}
