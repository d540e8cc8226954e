// Passage: Swagger UI on the gateway's own OpenAPI documents. Served in place of the WebJar's initializer (which
// points at a public demo document); validatorUrl null keeps the UI from calling the public validator.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    urls: [
      { url: "/api/v1/openapi.json", name: "Officers' API" },
      { url: "/api/v1/openapi-partners.json", name: "Partners' inbound API" }
    ],
    "urls.primaryName": "Officers' API",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    showExtensions: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout"
  });
};
