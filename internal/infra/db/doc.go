// Package db owns the process's database group: a MySQL server or the embedded SQLite file,
// behind the same gf APIs so the logic never knows which.
package db
