package notify_test

import (
	"testing"

	"kami/internal/listq/listqtest"
	"kami/internal/testkit"
)

// The inbox follows the one list contract (internal/listq).
func TestInboxSortContract(t *testing.T) {
	u := seedUser(t, "agent", "")
	for i := 0; i < 4; i++ {
		send(t, quotaNotice(testkit.UniqueName("sort"), u.ID))
	}
	listqtest.Check(t, u.Client, listqtest.List{
		Path:   "/api/notifications/list",
		Fields: map[string]listqtest.Order{"id": listqtest.Desc, "createdAt": listqtest.Desc},
	})
}
