/**
 * The OpenAPI description of {@code /api} with Swagger UI, for the office's IT staff (issue 16):
 * {@code /v3/api-docs} and {@code /swagger-ui.html}, for logged-in users only. API.md stays the
 * contract; this is what the code answers.
 */
package cn.cppcc.proposals.apidocs;
