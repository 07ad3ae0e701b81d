// Package errcode lists the stable error codes the UI and the CLI's --json switch on (never on
// message text): in core.ErrorInfo.Code, what every failed bound call rejects with, and in
// store.JobError.Code, a failed job's record. It is its own package because Wails v2.11 writes
// the enums of one Go package in map order (see backend/contract).
//
// The constants are untyped so the Go structs keep plain string fields; Code exists only to
// name the generated TypeScript enum.
package errcode

// Code is the TypeScript enum's type; Go code uses the untyped constants below.
type Code string

// Codes of requests the service refused or that never arrived (api.KindCode).
const (
	InvalidInput = "invalid_input" // the client refused an input before sending it
	Unauthorized = "unauthorized"  // the key is missing or wrong
	Permission   = "permission"    // the key may not do this
	NoCredits    = "no_credits"
	Forbidden    = "forbidden"
	RateLimited  = "rate_limited"
	NotFound     = "not_found"
	Conflict     = "conflict"
	BadRequest   = "bad_request"
	Server       = "server"
	Unreachable  = "unreachable" // no answer: network, DNS, TLS, timeout
	Unexpected   = "unexpected"  // an answer the client could not use
)

// Codes of the app itself (core.Describe).
const (
	InvalidField = "invalid_field" // ErrorInfo.Field names the form field
	Locked       = "locked"        // another window or CLI holds the database
	Internal     = "internal"      // anything else
)

// Codes of a transfer that failed on this computer (a failed job's record).
const (
	DiskFull    = "disk_full"
	TooSlow     = "too_slow"
	NoData      = "no_data"
	Truncated   = "truncated"
	NoFolder    = "no_folder"
	Exists      = "exists" // a download's file name is taken: Retry asks replace / keep both / skip
	NotRegular  = "not_regular"
	NotWritable = "not_writable"
	MaybeSent   = "maybe_sent" // an import that may have reached the service: Retry sends it again
)

// All lists every code with its TypeScript name, in the shape Wails' EnumBind expects.
var All = []struct {
	Value  Code
	TSName string
}{
	{InvalidInput, "InvalidInput"}, {Unauthorized, "Unauthorized"}, {Permission, "Permission"},
	{NoCredits, "NoCredits"}, {Forbidden, "Forbidden"}, {RateLimited, "RateLimited"},
	{NotFound, "NotFound"}, {Conflict, "Conflict"}, {BadRequest, "BadRequest"},
	{Server, "Server"}, {Unreachable, "Unreachable"}, {Unexpected, "Unexpected"},
	{InvalidField, "InvalidField"}, {Locked, "Locked"}, {Internal, "Internal"},
	{DiskFull, "DiskFull"}, {TooSlow, "TooSlow"}, {NoData, "NoData"}, {Truncated, "Truncated"},
	{NoFolder, "NoFolder"}, {Exists, "Exists"}, {NotRegular, "NotRegular"},
	{NotWritable, "NotWritable"}, {MaybeSent, "MaybeSent"},
}
