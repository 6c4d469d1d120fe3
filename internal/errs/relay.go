package errs

// AI relay admin codes (spec/relay.md §5): last two digits 55-59 (conventions.md). The /v1 API
// answers OpenAI's error bodies instead (internal/logic/relay/openaierr.go); a stale version is
// the core's CONFLICT.
var (
	// ModelNotPriced: a channel lists a model without a price row.
	ModelNotPriced = define(40055, "MODEL_NOT_PRICED")
	// ModelMappingInvalid: a mapping key outside the channel's models, or an empty target.
	ModelMappingInvalid = define(40056, "MODEL_MAPPING_INVALID")
	// GroupUnknown: a group code that has no relay_groups row.
	GroupUnknown = define(40057, "GROUP_UNKNOWN")
	// BaseURLInvalid: not an absolute http(s) URL.
	BaseURLInvalid = define(40058, "BASE_URL_INVALID")
	// GroupInUse: the group is the default one, or users or channels still name it.
	GroupInUse = define(40955, "GROUP_IN_USE")
	// PriceInUse: a channel still lists the price's model.
	PriceInUse = define(40956, "PRICE_IN_USE")
	// TokenLimitReached: the user holds relay.maxTokensPerUser tokens already.
	TokenLimitReached = define(40957, "TOKEN_LIMIT_REACHED")
)
