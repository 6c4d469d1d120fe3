package model

// QuotaTypeRelay is the ledger movement type of an AI relay request (reference "relay:<rid>").
const QuotaTypeRelay = "relay"
