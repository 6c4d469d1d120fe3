package main

import (
	_ "kami/internal/logic"

	"github.com/gogf/gf/v2/os/gctx"

	"kami/internal/cmd"
)

func main() {
	cmd.Main.Run(gctx.GetInitCtx())
}
