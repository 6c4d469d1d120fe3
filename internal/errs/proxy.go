package errs

// Proxy-IP resale codes (spec/proxy.md §6): last two digits 70-79 (conventions.md). The shared
// names (QUOTA_INSUFFICIENT, INVALID_STATE, CONFLICT, IDEMPOTENCY_*) are the core's.
var (
	// CapabilityUnsupported: the product does not offer the draw type, whitelist or limit.
	CapabilityUnsupported = define(40070, "CAPABILITY_UNSUPPORTED")
	// ProductNotSellable: not enabled/online upstream, no sale price, or priced below cost.
	ProductNotSellable = define(40970, "PRODUCT_NOT_SELLABLE")
	// UpstreamRejected: IPIPV answered code != 200; the parameter is its msg.
	UpstreamRejected = define(40971, "UPSTREAM_REJECTED")
	// ProxyNameTaken: the proxy username (or its upstream account) exists.
	ProxyNameTaken = define(40972, "NAME_TAKEN")
	// InstanceBusy: the instance has an open renew or release order.
	InstanceBusy = define(40973, "INSTANCE_BUSY")
	// PriceBelowFloor: an agent-admin set a price below its own effective price.
	PriceBelowFloor = define(40974, "PRICE_BELOW_FLOOR")
	// UpstreamUnavailable: the breaker is open or the call never left; nothing was applied.
	UpstreamUnavailable = define(50370, "UPSTREAM_UNAVAILABLE")
	// UpstreamNotConfigured: baseUrl, appKey or appSecret is not set yet.
	UpstreamNotConfigured = define(50371, "UPSTREAM_NOT_CONFIGURED")
)
