// ==========================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// ==========================================================================

package internal

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
)

// AnnouncementsDao is the data access object for the table announcements.
type AnnouncementsDao struct {
	table    string               // table is the underlying table name of the DAO.
	group    string               // group is the database configuration group name of the current DAO.
	columns  AnnouncementsColumns // columns contains all the column names of Table for convenient usage.
	handlers []gdb.ModelHandler   // handlers for customized model modification.
}

// AnnouncementsColumns defines and stores column names for the table announcements.
type AnnouncementsColumns struct {
	Id         string //
	Title      string //
	Content    string //
	Type       string //
	Audience   string //
	Email      string //
	Status     string //
	SendAt     string //
	SentAt     string //
	Recipients string //
	CreatedBy  string //
	Creator    string //
	CreatedAt  string //
	UpdatedAt  string //
}

// announcementsColumns holds the columns for the table announcements.
var announcementsColumns = AnnouncementsColumns{
	Id:         "id",
	Title:      "title",
	Content:    "content",
	Type:       "type",
	Audience:   "audience",
	Email:      "email",
	Status:     "status",
	SendAt:     "send_at",
	SentAt:     "sent_at",
	Recipients: "recipients",
	CreatedBy:  "created_by",
	Creator:    "creator",
	CreatedAt:  "created_at",
	UpdatedAt:  "updated_at",
}

// NewAnnouncementsDao creates and returns a new DAO object for table data access.
func NewAnnouncementsDao(handlers ...gdb.ModelHandler) *AnnouncementsDao {
	return &AnnouncementsDao{
		group:    "default",
		table:    "announcements",
		columns:  announcementsColumns,
		handlers: handlers,
	}
}

// DB retrieves and returns the underlying raw database management object of the current DAO.
func (dao *AnnouncementsDao) DB() gdb.DB {
	return g.DB(dao.group)
}

// Table returns the table name of the current DAO.
func (dao *AnnouncementsDao) Table() string {
	return dao.table
}

// Columns returns all column names of the current DAO.
func (dao *AnnouncementsDao) Columns() AnnouncementsColumns {
	return dao.columns
}

// Group returns the database configuration group name of the current DAO.
func (dao *AnnouncementsDao) Group() string {
	return dao.group
}

// Ctx creates and returns a Model for the current DAO. It automatically sets the context for the current operation.
func (dao *AnnouncementsDao) Ctx(ctx context.Context) *gdb.Model {
	model := dao.DB().Model(dao.table)
	for _, handler := range dao.handlers {
		model = handler(model)
	}
	return model.Safe().Ctx(ctx)
}

// Transaction wraps the transaction logic using function f.
// It rolls back the transaction and returns the error if function f returns a non-nil error.
// It commits the transaction and returns nil if function f returns nil.
//
// Note: Do not commit or roll back the transaction in function f,
// as it is automatically handled by this function.
func (dao *AnnouncementsDao) Transaction(ctx context.Context, f func(ctx context.Context, tx gdb.TX) error) (err error) {
	return dao.Ctx(ctx).Transaction(ctx, f)
}
