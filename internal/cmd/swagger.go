package cmd

import (
	"net/http"

	"github.com/gogf/gf/v2/net/ghttp"
	swaggerFiles "github.com/swaggo/files/v2"
)

// The API reference at /swagger renders /api.json with Swagger UI served from assets compiled
// into the binary (the swaggo/files module embeds the swagger-ui dist): gf's built-in page loads
// its script from a CDN, so it stayed blank on an offline machine.
const swaggerPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kami API</title>
<link rel="stylesheet" href="/swagger/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/swagger/assets/swagger-ui-bundle.js"></script>
<script>
window.ui = SwaggerUIBundle({url: "/api.json", dom_id: "#swagger-ui", deepLinking: true});
</script>
</body>
</html>
`

func bindSwagger(s *ghttp.Server) {
	page := func(r *ghttp.Request) {
		r.Response.Header().Set("Content-Type", "text/html; charset=utf-8")
		r.Response.Write(swaggerPage)
	}
	s.BindHandler("GET:/swagger", page)
	assets := http.StripPrefix("/swagger/assets/", http.FileServer(http.FS(swaggerFiles.FS)))
	s.BindHandler("GET:/swagger/assets/*file", func(r *ghttp.Request) {
		assets.ServeHTTP(r.Response.Writer, r.Request)
	})
}
