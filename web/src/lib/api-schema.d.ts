// Generated from the API's OpenAPI document by scripts/web-api-types.ts: do not edit.
// Regenerate with `npm run generate:web-types`. Properties of a response body are required unless
// its schema lists `required`: the server sends every property its response schema names.
export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process can serve: the database answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            database: string;
                            status: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable machine-readable code */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sandbox/checkout/{reference}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sandbox gateway: pay (success) or fail a checkout; the simulator then sends the signed webhook */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    reference: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "success" | "failed";
                        /** @enum {string} */
                        webhook?: "send" | "lose";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your API keys (without the secrets), newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                                /** Format: uuid */
                                id: string;
                                /** Format: date-time */
                                lastUsedAt: string | null;
                                name: string;
                                prefix: string;
                                /** Format: date-time */
                                revokedAt: string | null;
                                scopes: string[];
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API key for yourself (shown once)
         * @description Send the key in the x-api-key header; it acts as you, limited to its scopes (e.g. "users:read", "users:*", "*"). Keys cannot create keys.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 365 */
                        expiresInDays?: number;
                        name: string;
                        scopes: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @description The secret key. It is not stored and cannot be shown again */
                            key: string;
                            /** Format: date-time */
                            lastUsedAt: string | null;
                            name: string;
                            prefix: string;
                            /** Format: date-time */
                            revokedAt: string | null;
                            scopes: string[];
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field, invalid_scope */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: too_many_api_keys */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (yours; an admin may revoke anyone’s) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem document; code is one of: validation_failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Operator and admin actions, newest first; filter by actor (id or email), action (or family), target and date */
        get: {
            parameters: {
                query?: {
                    /** @description An action, or every action of a family when it ends with a dot (`user.`) */
                    action?: string;
                    /** @description Only actions by this user */
                    actor?: string;
                    /** @description Only actions by the user with this email */
                    actorEmail?: string;
                    cursor?: string;
                    from?: string;
                    limit?: number;
                    /** @description The target's id, or a user target's email */
                    target?: string;
                    targetType?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                actorEmail: string | null;
                                /** @description null: the system */
                                actorId: string | null;
                                after: {
                                    [key: string]: unknown;
                                } | null;
                                before: {
                                    [key: string]: unknown;
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                reason: string | null;
                                requestId?: string | null;
                                /** @description For a user target, that user's email */
                                targetEmail: string | null;
                                targetId: string | null;
                                targetType: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field, invalid_cursor */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/bill-payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search payments by reference, customer email, meter, status and date */
        get: {
            parameters: {
                query?: {
                    billerId?: string;
                    cursor?: string;
                    from?: string;
                    limit?: number;
                    q?: string;
                    status?: "pending" | "processing" | "succeeded" | "failed" | "reversed" | "needs_review";
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                billerId: string;
                                billerName: string;
                                category: string | null;
                                createdAt: string;
                                currency: string;
                                customerName: string | null;
                                customerRef: string;
                                /** @description Why it did not go through. A customer reads it in plain words; the provider's code and message are in the operator view */
                                failureReason: string | null;
                                /** @description Minor units (kobo for NGN) */
                                fee: number;
                                finalizedAt: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @description The phone number given on the payment (E.164): the token is texted to it */
                                phone: string | null;
                                productCode: string;
                                providerReference: string;
                                receipt: {
                                    [key: string]: unknown;
                                } | null;
                                /** @enum {string} */
                                status: "pending" | "processing" | "succeeded" | "failed" | "reversed" | "needs_review";
                                timeline: {
                                    at: string;
                                    /** @description Operator view only; null for the customer */
                                    reason: string | null;
                                    status: string;
                                }[];
                                token: string | null;
                                /** @description Minor units (kobo for NGN) */
                                total: number;
                                units: string | null;
                                updatedAt: string;
                                /** Format: uuid */
                                walletId: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/bill-payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A payment with its timeline, provider calls and ledger postings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            billerId: string;
                            billerName: string;
                            category: string | null;
                            createdAt: string;
                            currency: string;
                            customerName: string | null;
                            customerRef: string;
                            /** @description Why it did not go through. A customer reads it in plain words; the provider's code and message are in the operator view */
                            failureReason: string | null;
                            /** @description Minor units (kobo for NGN) */
                            fee: number;
                            finalizedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @description The phone number given on the payment (E.164): the token is texted to it */
                            phone: string | null;
                            postings: {
                                accountId: string;
                                accountName: string;
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                createdAt: string;
                                pending: boolean;
                                side: string;
                                transactionId: string;
                            }[];
                            productCode: string;
                            provider: string;
                            providerCalls: {
                                at: string;
                                code: string | null;
                                latencyMs: number;
                                message: string | null;
                                op: string;
                                outcome: string;
                                provider: string;
                            }[];
                            providerReference: string;
                            receipt: {
                                [key: string]: unknown;
                            } | null;
                            /** @enum {string} */
                            status: "pending" | "processing" | "succeeded" | "failed" | "reversed" | "needs_review";
                            timeline: {
                                at: string;
                                /** @description Operator view only; null for the customer */
                                reason: string | null;
                                status: string;
                            }[];
                            token: string | null;
                            /** @description Minor units (kobo for NGN) */
                            total: number;
                            units: string | null;
                            updatedAt: string;
                            user: {
                                email: string;
                                fullName: string;
                                id: string;
                            } | null;
                            /** Format: uuid */
                            walletId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/bill-payments/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve a needs_review payment: delivered (token from the provider) or refund; audit-logged
         * @description The provider is asked first: if it reports the payment pending (or cannot tell), or delivered when a refund is asked, the answer is 409 provider_not_final with providerStatus, providerCode and, for delivered, resolveAs: "delivered".
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "delivered" | "refund";
                        reason: string;
                        token?: string;
                        units?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            billerId: string;
                            billerName: string;
                            category: string | null;
                            createdAt: string;
                            currency: string;
                            customerName: string | null;
                            customerRef: string;
                            /** @description Why it did not go through. A customer reads it in plain words; the provider's code and message are in the operator view */
                            failureReason: string | null;
                            /** @description Minor units (kobo for NGN) */
                            fee: number;
                            finalizedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @description The phone number given on the payment (E.164): the token is texted to it */
                            phone: string | null;
                            productCode: string;
                            providerReference: string;
                            receipt: {
                                [key: string]: unknown;
                            } | null;
                            /** @enum {string} */
                            status: "pending" | "processing" | "succeeded" | "failed" | "reversed" | "needs_review";
                            timeline: {
                                at: string;
                                /** @description Operator view only; null for the customer */
                                reason: string | null;
                                status: string;
                            }[];
                            token: string | null;
                            /** @description Minor units (kobo for NGN) */
                            total: number;
                            units: string | null;
                            updatedAt: string;
                            /** Format: uuid */
                            walletId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_resolvable, provider_not_final */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: providers_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/billers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All billers, enabled or not */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @enum {string} */
                                category: "electricity" | "water" | "gas" | "internet" | "cable" | "airtime" | "data" | "education";
                                commissionBps: number;
                                /** @description Minor units (kobo for NGN) */
                                commissionFlat: number;
                                /** @enum {string} */
                                commissionType: "percent" | "flat";
                                customerRefLabel: string;
                                enabled: boolean;
                                fee: {
                                    /** @description Minor units (kobo for NGN) */
                                    cap: number;
                                    /** @description Minor units (kobo for NGN) */
                                    flat: number;
                                    percentBps: number;
                                    type: string;
                                };
                                id: string;
                                /** @description Minor units (kobo for NGN) */
                                maxAmount: number;
                                /** @description Minor units (kobo for NGN) */
                                minAmount: number;
                                name: string;
                                products: {
                                    code: string;
                                    enabled: boolean;
                                    fixedAmount: number | null;
                                    kind: string;
                                    /** @description Minor units (kobo for NGN) */
                                    maxAmount: number;
                                    /** @description Minor units (kobo for NGN) */
                                    minAmount: number;
                                    name: string;
                                }[];
                                providers: string[];
                                serviceId: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a biller: category, provider adapters and service id, bounds, fee, expected commission and products */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        category: "electricity" | "water" | "gas" | "internet" | "cable" | "airtime" | "data" | "education";
                        commissionBps?: number;
                        customerRefLabel: string;
                        enabled?: boolean;
                        fee?: {
                            cap?: number;
                            flat?: number;
                            percentBps?: number;
                            /** @enum {string} */
                            type: "flat" | "percent";
                        };
                        id: string;
                        maxAmount: number;
                        minAmount: number;
                        name: string;
                        products: {
                            code: string;
                            enabled?: boolean;
                            fixedAmount?: number | null;
                            /** @enum {string} */
                            kind: "prepaid" | "postpaid" | "airtime" | "bundle" | "bouquet" | "pin";
                            name: string;
                        }[];
                        providers?: string[];
                        reason: string;
                        serviceId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            category: "electricity" | "water" | "gas" | "internet" | "cable" | "airtime" | "data" | "education";
                            commissionBps: number;
                            /** @description Minor units (kobo for NGN) */
                            commissionFlat: number;
                            /** @enum {string} */
                            commissionType: "percent" | "flat";
                            customerRefLabel: string;
                            enabled: boolean;
                            fee: {
                                /** @description Minor units (kobo for NGN) */
                                cap: number;
                                /** @description Minor units (kobo for NGN) */
                                flat: number;
                                percentBps: number;
                                type: string;
                            };
                            id: string;
                            /** @description Minor units (kobo for NGN) */
                            maxAmount: number;
                            /** @description Minor units (kobo for NGN) */
                            minAmount: number;
                            name: string;
                            products: {
                                code: string;
                                enabled: boolean;
                                fixedAmount: number | null;
                                kind: string;
                                /** @description Minor units (kobo for NGN) */
                                maxAmount: number;
                                /** @description Minor units (kobo for NGN) */
                                minAmount: number;
                                name: string;
                            }[];
                            providers: string[];
                            serviceId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, invalid_bounds */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: biller_exists */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/billers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a biller: enable or disable it; its name, service id, bounds, fee (flat or percent with a cap), expected commission and providers */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        commissionBps?: number;
                        commissionFlat?: number;
                        customerRefLabel?: string;
                        enabled?: boolean;
                        fee?: {
                            cap?: number;
                            flat?: number;
                            percentBps?: number;
                            /** @enum {string} */
                            type: "flat" | "percent";
                        };
                        maxAmount?: number;
                        minAmount?: number;
                        name?: string;
                        providers?: string[];
                        reason: string;
                        serviceId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            category: "electricity" | "water" | "gas" | "internet" | "cable" | "airtime" | "data" | "education";
                            commissionBps: number;
                            /** @description Minor units (kobo for NGN) */
                            commissionFlat: number;
                            /** @enum {string} */
                            commissionType: "percent" | "flat";
                            customerRefLabel: string;
                            enabled: boolean;
                            fee: {
                                /** @description Minor units (kobo for NGN) */
                                cap: number;
                                /** @description Minor units (kobo for NGN) */
                                flat: number;
                                percentBps: number;
                                type: string;
                            };
                            id: string;
                            /** @description Minor units (kobo for NGN) */
                            maxAmount: number;
                            /** @description Minor units (kobo for NGN) */
                            minAmount: number;
                            name: string;
                            products: {
                                code: string;
                                enabled: boolean;
                                fixedAmount: number | null;
                                kind: string;
                                /** @description Minor units (kobo for NGN) */
                                maxAmount: number;
                                /** @description Minor units (kobo for NGN) */
                                minAmount: number;
                                name: string;
                            }[];
                            providers: string[];
                            serviceId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, invalid_bounds */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/admin/billers/{id}/price-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The biller's variation price changes, newest first (synced or set by an operator) */
        get: {
            parameters: {
                query?: {
                    productCode?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                actorId: string | null;
                                at: string;
                                id: number;
                                /** @description Minor units (kobo for NGN) */
                                newAmount: number;
                                oldAmount: number | null;
                                productCode: string;
                                /** @enum {string} */
                                source: "sync" | "operator";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/billers/{id}/products/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Add or edit a product or variation: name, kind, fixed price, enabled */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled?: boolean;
                        fixedAmount?: number | null;
                        /** @enum {string} */
                        kind: "prepaid" | "postpaid" | "airtime" | "bundle" | "bouquet" | "pin";
                        name: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            category: "electricity" | "water" | "gas" | "internet" | "cable" | "airtime" | "data" | "education";
                            commissionBps: number;
                            /** @description Minor units (kobo for NGN) */
                            commissionFlat: number;
                            /** @enum {string} */
                            commissionType: "percent" | "flat";
                            customerRefLabel: string;
                            enabled: boolean;
                            fee: {
                                /** @description Minor units (kobo for NGN) */
                                cap: number;
                                /** @description Minor units (kobo for NGN) */
                                flat: number;
                                percentBps: number;
                                type: string;
                            };
                            id: string;
                            /** @description Minor units (kobo for NGN) */
                            maxAmount: number;
                            /** @description Minor units (kobo for NGN) */
                            minAmount: number;
                            name: string;
                            products: {
                                code: string;
                                enabled: boolean;
                                fixedAmount: number | null;
                                kind: string;
                                /** @description Minor units (kobo for NGN) */
                                maxAmount: number;
                                /** @description Minor units (kobo for NGN) */
                                minAmount: number;
                                name: string;
                            }[];
                            providers: string[];
                            serviceId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/billers/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sync the biller's fixed-price variations from its provider now; price changes are recorded */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            billerId: string;
                            changes: {
                                added: boolean;
                                code: string;
                                name: string;
                                /** @description Minor units (kobo for NGN) */
                                newAmount: number;
                                oldAmount: number | null;
                            }[];
                            variations: number;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: providers_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Campaigns, newest first, with their money: funded, spent, remaining, receivable */
        get: {
            parameters: {
                query?: {
                    status?: "draft" | "active" | "paused" | "ended";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: uuid */
                                accountId: string;
                                categories: string[];
                                conditions: {
                                    billerIds: string[];
                                    categories: string[];
                                    minAmount: number;
                                    newCustomerDays: number;
                                    newCustomersOnly: boolean;
                                    tiers: (1 | 2 | 3)[];
                                };
                                createdAt: string;
                                /** @description ISO 4217 code */
                                currency: string;
                                description: string;
                                /** @description cashback_percent: bps of the amount (200 = 2%) capped at cap (0: none); flat: amount; referral: referrer and referee bonuses */
                                effect: {
                                    amount?: number;
                                    bps?: number;
                                    cap?: number;
                                    referee?: number;
                                    referrer?: number;
                                    /** @enum {string} */
                                    type: "cashback_percent" | "flat" | "referral";
                                };
                                endsAt: string | null;
                                /** @description Put into the campaign so far */
                                funded: number;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                perPersonLimit: number | null;
                                /** @enum {string} */
                                perPersonPeriod: "day" | "week" | "month" | "campaign";
                                /** @description Clawbacks the wallets could not cover */
                                receivable: number;
                                redemptions: number;
                                /** @description What the campaign account holds: the most it can still pay */
                                remaining: number;
                                sandbox: boolean;
                                /** @description Paid out net of clawbacks (funded - remaining) */
                                spent: number;
                                startsAt: string | null;
                                /** @enum {string} */
                                status: "draft" | "active" | "paused" | "ended";
                                /** @enum {string} */
                                trigger: "bill_payment.succeeded" | "first_deposit" | "referral_first_payment";
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a campaign (a draft, with its own promotion account; fund and start it next; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        conditions?: {
                            billerIds?: string[];
                            categories?: string[];
                            minAmount?: number;
                            newCustomerDays?: number;
                            newCustomersOnly?: boolean;
                            tiers?: (1 | 2 | 3)[];
                        };
                        /** @description ISO 4217 code */
                        currency?: string;
                        description?: string;
                        /** @description cashback_percent: bps of the amount (200 = 2%) capped at cap (0: none); flat: amount; referral: referrer and referee bonuses */
                        effect: {
                            amount?: number;
                            bps?: number;
                            cap?: number;
                            referee?: number;
                            referrer?: number;
                            /** @enum {string} */
                            type: "cashback_percent" | "flat" | "referral";
                        };
                        /** Format: date-time */
                        endsAt?: string | null;
                        name: string;
                        perPersonLimit?: number | null;
                        /** @enum {string} */
                        perPersonPeriod?: "day" | "week" | "month" | "campaign";
                        /** Format: date-time */
                        startsAt?: string | null;
                        /** @enum {string} */
                        trigger: "bill_payment.succeeded" | "first_deposit" | "referral_first_payment";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            accountId: string;
                            categories: string[];
                            conditions: {
                                billerIds: string[];
                                categories: string[];
                                minAmount: number;
                                newCustomerDays: number;
                                newCustomersOnly: boolean;
                                tiers: (1 | 2 | 3)[];
                            };
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            description: string;
                            /** @description cashback_percent: bps of the amount (200 = 2%) capped at cap (0: none); flat: amount; referral: referrer and referee bonuses */
                            effect: {
                                amount?: number;
                                bps?: number;
                                cap?: number;
                                referee?: number;
                                referrer?: number;
                                /** @enum {string} */
                                type: "cashback_percent" | "flat" | "referral";
                            };
                            endsAt: string | null;
                            /** @description Put into the campaign so far */
                            funded: number;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            perPersonLimit: number | null;
                            /** @enum {string} */
                            perPersonPeriod: "day" | "week" | "month" | "campaign";
                            /** @description Clawbacks the wallets could not cover */
                            receivable: number;
                            redemptions: number;
                            /** @description What the campaign account holds: the most it can still pay */
                            remaining: number;
                            sandbox: boolean;
                            /** @description Paid out net of clawbacks (funded - remaining) */
                            spent: number;
                            startsAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "active" | "paused" | "ended";
                            /** @enum {string} */
                            trigger: "bill_payment.succeeded" | "first_deposit" | "referral_first_payment";
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: invalid_campaign, unsupported_currency */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: campaign_state_invalid */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign with its spend */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            accountId: string;
                            categories: string[];
                            conditions: {
                                billerIds: string[];
                                categories: string[];
                                minAmount: number;
                                newCustomerDays: number;
                                newCustomersOnly: boolean;
                                tiers: (1 | 2 | 3)[];
                            };
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            description: string;
                            /** @description cashback_percent: bps of the amount (200 = 2%) capped at cap (0: none); flat: amount; referral: referrer and referee bonuses */
                            effect: {
                                amount?: number;
                                bps?: number;
                                cap?: number;
                                referee?: number;
                                referrer?: number;
                                /** @enum {string} */
                                type: "cashback_percent" | "flat" | "referral";
                            };
                            endsAt: string | null;
                            /** @description Put into the campaign so far */
                            funded: number;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            perPersonLimit: number | null;
                            /** @enum {string} */
                            perPersonPeriod: "day" | "week" | "month" | "campaign";
                            /** @description Clawbacks the wallets could not cover */
                            receivable: number;
                            redemptions: number;
                            /** @description What the campaign account holds: the most it can still pay */
                            remaining: number;
                            sandbox: boolean;
                            /** @description Paid out net of clawbacks (funded - remaining) */
                            spent: number;
                            startsAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "active" | "paused" | "ended";
                            /** @enum {string} */
                            trigger: "bill_payment.succeeded" | "first_deposit" | "referral_first_payment";
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/campaigns/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a campaign for good; what is left stays in its account (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            accountId: string;
                            categories: string[];
                            conditions: {
                                billerIds: string[];
                                categories: string[];
                                minAmount: number;
                                newCustomerDays: number;
                                newCustomersOnly: boolean;
                                tiers: (1 | 2 | 3)[];
                            };
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            description: string;
                            /** @description cashback_percent: bps of the amount (200 = 2%) capped at cap (0: none); flat: amount; referral: referrer and referee bonuses */
                            effect: {
                                amount?: number;
                                bps?: number;
                                cap?: number;
                                referee?: number;
                                referrer?: number;
                                /** @enum {string} */
                                type: "cashback_percent" | "flat" | "referral";
                            };
                            endsAt: string | null;
                            /** @description Put into the campaign so far */
                            funded: number;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            perPersonLimit: number | null;
                            /** @enum {string} */
                            perPersonPeriod: "day" | "week" | "month" | "campaign";
                            /** @description Clawbacks the wallets could not cover */
                            receivable: number;
                            redemptions: number;
                            /** @description What the campaign account holds: the most it can still pay */
                            remaining: number;
                            sandbox: boolean;
                            /** @description Paid out net of clawbacks (funded - remaining) */
                            spent: number;
                            startsAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "active" | "paused" | "ended";
                            /** @enum {string} */
                            trigger: "bill_payment.succeeded" | "first_deposit" | "referral_first_payment";
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: invalid_campaign, unsupported_currency */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: campaign_state_invalid */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/campaigns/{id}/fundings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fund a campaign: promotions treasury -> campaign account (a ledger transaction with its audit row); the budget it can never pay past */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required: a unique key (a UUID) per money-moving request; a retry reuses it */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Amount in minor units (kobo for NGN), a JSON integer */
                        amount: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            accountId: string;
                            categories: string[];
                            conditions: {
                                billerIds: string[];
                                categories: string[];
                                minAmount: number;
                                newCustomerDays: number;
                                newCustomersOnly: boolean;
                                tiers: (1 | 2 | 3)[];
                            };
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            description: string;
                            /** @description cashback_percent: bps of the amount (200 = 2%) capped at cap (0: none); flat: amount; referral: referrer and referee bonuses */
                            effect: {
                                amount?: number;
                                bps?: number;
                                cap?: number;
                                referee?: number;
                                referrer?: number;
                                /** @enum {string} */
                                type: "cashback_percent" | "flat" | "referral";
                            };
                            endsAt: string | null;
                            /** @description Put into the campaign so far */
                            funded: number;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            perPersonLimit: number | null;
                            /** @enum {string} */
                            perPersonPeriod: "day" | "week" | "month" | "campaign";
                            /** @description Clawbacks the wallets could not cover */
                            receivable: number;
                            redemptions: number;
                            /** @description What the campaign account holds: the most it can still pay */
                            remaining: number;
                            sandbox: boolean;
                            /** @description Paid out net of clawbacks (funded - remaining) */
                            spent: number;
                            startsAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "active" | "paused" | "ended";
                            /** @enum {string} */
                            trigger: "bill_payment.succeeded" | "first_deposit" | "referral_first_payment";
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: invalid_campaign, unsupported_currency */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: campaign_state_invalid */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: ledger_refused */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/campaigns/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a running campaign: triggers earn nothing until it resumes (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            accountId: string;
                            categories: string[];
                            conditions: {
                                billerIds: string[];
                                categories: string[];
                                minAmount: number;
                                newCustomerDays: number;
                                newCustomersOnly: boolean;
                                tiers: (1 | 2 | 3)[];
                            };
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            description: string;
                            /** @description cashback_percent: bps of the amount (200 = 2%) capped at cap (0: none); flat: amount; referral: referrer and referee bonuses */
                            effect: {
                                amount?: number;
                                bps?: number;
                                cap?: number;
                                referee?: number;
                                referrer?: number;
                                /** @enum {string} */
                                type: "cashback_percent" | "flat" | "referral";
                            };
                            endsAt: string | null;
                            /** @description Put into the campaign so far */
                            funded: number;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            perPersonLimit: number | null;
                            /** @enum {string} */
                            perPersonPeriod: "day" | "week" | "month" | "campaign";
                            /** @description Clawbacks the wallets could not cover */
                            receivable: number;
                            redemptions: number;
                            /** @description What the campaign account holds: the most it can still pay */
                            remaining: number;
                            sandbox: boolean;
                            /** @description Paid out net of clawbacks (funded - remaining) */
                            spent: number;
                            startsAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "active" | "paused" | "ended";
                            /** @enum {string} */
                            trigger: "bill_payment.succeeded" | "first_deposit" | "referral_first_payment";
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: invalid_campaign, unsupported_currency */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: campaign_state_invalid */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/campaigns/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused campaign (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            accountId: string;
                            categories: string[];
                            conditions: {
                                billerIds: string[];
                                categories: string[];
                                minAmount: number;
                                newCustomerDays: number;
                                newCustomersOnly: boolean;
                                tiers: (1 | 2 | 3)[];
                            };
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            description: string;
                            /** @description cashback_percent: bps of the amount (200 = 2%) capped at cap (0: none); flat: amount; referral: referrer and referee bonuses */
                            effect: {
                                amount?: number;
                                bps?: number;
                                cap?: number;
                                referee?: number;
                                referrer?: number;
                                /** @enum {string} */
                                type: "cashback_percent" | "flat" | "referral";
                            };
                            endsAt: string | null;
                            /** @description Put into the campaign so far */
                            funded: number;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            perPersonLimit: number | null;
                            /** @enum {string} */
                            perPersonPeriod: "day" | "week" | "month" | "campaign";
                            /** @description Clawbacks the wallets could not cover */
                            receivable: number;
                            redemptions: number;
                            /** @description What the campaign account holds: the most it can still pay */
                            remaining: number;
                            sandbox: boolean;
                            /** @description Paid out net of clawbacks (funded - remaining) */
                            spent: number;
                            startsAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "active" | "paused" | "ended";
                            /** @enum {string} */
                            trigger: "bill_payment.succeeded" | "first_deposit" | "referral_first_payment";
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: invalid_campaign, unsupported_currency */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: campaign_state_invalid */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/campaigns/{id}/rewards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign's redemptions, newest first (skipped decisions with why: budget_exhausted, per_person_limit, ...) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Paid (0 when skipped) */
                                amount: number;
                                /** Format: uuid */
                                campaignId: string;
                                campaignName: string;
                                /** @description What the effect computed (more than amount when the budget ran short) */
                                computed: number;
                                createdAt: string;
                                /** @description ISO 4217 code */
                                currency: string;
                                /** Format: uuid */
                                id: string;
                                reason: string | null;
                                /** @description Minor units (kobo for NGN) */
                                receivable: number;
                                /** @enum {string} */
                                role: "customer" | "referrer" | "referee";
                                /** @description The triggering transaction, e.g. bill_payment:<id> */
                                source: string;
                                /** @enum {string} */
                                status: "paid" | "skipped" | "clawed_back" | "receivable" | "settled";
                                /** Format: uuid */
                                userId: string;
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/campaigns/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a draft campaign (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            accountId: string;
                            categories: string[];
                            conditions: {
                                billerIds: string[];
                                categories: string[];
                                minAmount: number;
                                newCustomerDays: number;
                                newCustomersOnly: boolean;
                                tiers: (1 | 2 | 3)[];
                            };
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            description: string;
                            /** @description cashback_percent: bps of the amount (200 = 2%) capped at cap (0: none); flat: amount; referral: referrer and referee bonuses */
                            effect: {
                                amount?: number;
                                bps?: number;
                                cap?: number;
                                referee?: number;
                                referrer?: number;
                                /** @enum {string} */
                                type: "cashback_percent" | "flat" | "referral";
                            };
                            endsAt: string | null;
                            /** @description Put into the campaign so far */
                            funded: number;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            perPersonLimit: number | null;
                            /** @enum {string} */
                            perPersonPeriod: "day" | "week" | "month" | "campaign";
                            /** @description Clawbacks the wallets could not cover */
                            receivable: number;
                            redemptions: number;
                            /** @description What the campaign account holds: the most it can still pay */
                            remaining: number;
                            sandbox: boolean;
                            /** @description Paid out net of clawbacks (funded - remaining) */
                            spent: number;
                            startsAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "active" | "paused" | "ended";
                            /** @enum {string} */
                            trigger: "bill_payment.succeeded" | "first_deposit" | "referral_first_payment";
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: invalid_campaign, unsupported_currency */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: campaign_state_invalid */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payments per minute, success rate and time to a final state */
        get: {
            parameters: {
                query?: {
                    minutes?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            inFlight: number;
                            minutes: number;
                            needsReview: number;
                            paymentsPerMinute: {
                                count: number;
                                failed: number;
                                minute: string;
                                succeeded: number;
                            }[];
                            successRate: number | null;
                            timeToFinalP50Ms: number | null;
                            timeToFinalP95Ms: number | null;
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/dashboard/money": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Money per rail for a period (default: today in Lagos): volume, count, fee and commission revenue, success rate, time to final */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            from: string;
                            rails: {
                                /** @description Minor units (kobo for NGN) */
                                commissionRevenue?: number;
                                count: number;
                                currency: string;
                                failed: number;
                                /** @description Minor units (kobo for NGN) */
                                feeRevenue: number;
                                /** @enum {string} */
                                group: "deposits" | "transfers" | "bills" | "withdrawals";
                                /** @description deposit_card, deposit_bank_transfer, transfer, bill_<category>, withdrawal */
                                rail: string;
                                succeeded: number;
                                successRate?: number | null;
                                timeToFinalP50Ms?: number | null;
                                timeToFinalP95Ms?: number | null;
                                /** @description Minor units (kobo for NGN) */
                                volume: number;
                            }[];
                            /** Format: date-time */
                            to: string;
                            totals: {
                                /** @description Minor units (kobo for NGN) */
                                commissionRevenue: number;
                                count: number;
                                currency: string;
                                /** @description Minor units (kobo for NGN) */
                                feeRevenue: number;
                                /** @description Minor units (kobo for NGN) */
                                volume: number;
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/deposits/flagged": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deposits whose webhook did not match (amount or currency), for review */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                checkoutUrl: string;
                                createdAt: string;
                                /** @description ISO 4217 code */
                                currency: string;
                                /** Format: uuid */
                                id: string;
                                reason: string | null;
                                reference: string;
                                /** @enum {string} */
                                status: "pending" | "succeeded" | "failed" | "flagged";
                                userId: string;
                                /** Format: uuid */
                                walletId: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dispute queue, newest first; filter by status and overdue (open past their due date) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    overdue?: boolean;
                    status?: "opened" | "under_review" | "resolved_refunded" | "resolved_rejected" | "resolved_delivered" | "withdrawn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                acknowledgedAt: string;
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                createdAt: string;
                                currency: string;
                                description: string;
                                /** @description When the resolution is due (DISPUTE_SLA_DAYS after opening) */
                                dueAt: string;
                                id: string;
                                /** @description Still open past dueAt */
                                overdue: boolean;
                                /** @enum {string} */
                                reason: "token_not_received" | "wrong_amount" | "not_authorised" | "service_not_rendered" | "other";
                                resolutionReason: string | null;
                                resolvedAt: string | null;
                                /** @enum {string} */
                                status: "opened" | "under_review" | "resolved_refunded" | "resolved_rejected" | "resolved_delivered" | "withdrawn";
                                subjectId: string;
                                /** @enum {string} */
                                subjectType: "bill_payment" | "transfer" | "deposit" | "withdrawal";
                                /** @description DSP-<year>-<number>: quote it in any contact */
                                trackingNumber: string;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Open a dispute for a customer on one of their transactions (support may; audited): the customer is acknowledged as if they had opened it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description: string;
                        /** @enum {string} */
                        reason: "token_not_received" | "wrong_amount" | "not_authorised" | "service_not_rendered" | "other";
                        /** Format: uuid */
                        subjectId: string;
                        /** @enum {string} */
                        subjectType: "bill_payment" | "transfer" | "deposit" | "withdrawal";
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string;
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            createdAt: string;
                            currency: string;
                            description: string;
                            /** @description When the resolution is due (DISPUTE_SLA_DAYS after opening) */
                            dueAt: string;
                            id: string;
                            /** @description Still open past dueAt */
                            overdue: boolean;
                            /** @enum {string} */
                            reason: "token_not_received" | "wrong_amount" | "not_authorised" | "service_not_rendered" | "other";
                            resolutionReason: string | null;
                            resolvedAt: string | null;
                            /** @enum {string} */
                            status: "opened" | "under_review" | "resolved_refunded" | "resolved_rejected" | "resolved_delivered" | "withdrawn";
                            subjectId: string;
                            /** @enum {string} */
                            subjectType: "bill_payment" | "transfer" | "deposit" | "withdrawal";
                            /** @description DSP-<year>-<number>: quote it in any contact */
                            trackingNumber: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: dispute_already_open */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/disputes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A dispute with its messages and its subject's timeline, provider calls, postings and refund */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string;
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            createdAt: string;
                            currency: string;
                            description: string;
                            /** @description When the resolution is due (DISPUTE_SLA_DAYS after opening) */
                            dueAt: string;
                            id: string;
                            messages: {
                                /** @enum {string} */
                                author: "customer" | "operator" | "system";
                                body: string;
                                createdAt: string;
                                id: string;
                            }[];
                            /** @description Still open past dueAt */
                            overdue: boolean;
                            /** @enum {string} */
                            reason: "token_not_received" | "wrong_amount" | "not_authorised" | "service_not_rendered" | "other";
                            refund: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                createdAt: string;
                                currency: string;
                                transactionId: string;
                            } | null;
                            resolutionReason: string | null;
                            resolvedAt: string | null;
                            /** @enum {string} */
                            status: "opened" | "under_review" | "resolved_refunded" | "resolved_rejected" | "resolved_delivered" | "withdrawn";
                            subject: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                currency: string;
                                id: string;
                                /** @enum {string} */
                                money: "in_flight" | "money_back" | "refundable";
                                postings: {
                                    accountId: string;
                                    accountName: string;
                                    /** @description Minor units (kobo for NGN) */
                                    amount: number;
                                    createdAt: string;
                                    pending: boolean;
                                    side: string;
                                    transactionId: string;
                                }[];
                                provider: string | null;
                                providerCalls: {
                                    at: string;
                                    code: string | null;
                                    latencyMs: number;
                                    message: string | null;
                                    op: string;
                                    outcome: string;
                                    provider: string;
                                }[];
                                refundFrom: {
                                    /** @description Minor units (kobo for NGN) */
                                    amount: number;
                                    type: string;
                                }[];
                                status: string;
                                timeline: {
                                    at: string;
                                    reason: string | null;
                                    status: string;
                                }[];
                                title: string;
                                tokenAvailable: boolean;
                                type: string;
                                walletId: string;
                            } | null;
                            subjectId: string;
                            /** @enum {string} */
                            subjectType: "bill_payment" | "transfer" | "deposit" | "withdrawal";
                            /** @description DSP-<year>-<number>: quote it in any contact */
                            trackingNumber: string;
                            updatedAt: string;
                            userId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/disputes/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write to the customer on an open dispute */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string;
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            createdAt: string;
                            currency: string;
                            description: string;
                            /** @description When the resolution is due (DISPUTE_SLA_DAYS after opening) */
                            dueAt: string;
                            id: string;
                            messages: {
                                /** @enum {string} */
                                author: "customer" | "operator" | "system";
                                body: string;
                                createdAt: string;
                                id: string;
                            }[];
                            /** @description Still open past dueAt */
                            overdue: boolean;
                            /** @enum {string} */
                            reason: "token_not_received" | "wrong_amount" | "not_authorised" | "service_not_rendered" | "other";
                            refund: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                createdAt: string;
                                currency: string;
                                transactionId: string;
                            } | null;
                            resolutionReason: string | null;
                            resolvedAt: string | null;
                            /** @enum {string} */
                            status: "opened" | "under_review" | "resolved_refunded" | "resolved_rejected" | "resolved_delivered" | "withdrawn";
                            subject: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                currency: string;
                                id: string;
                                /** @enum {string} */
                                money: "in_flight" | "money_back" | "refundable";
                                postings: {
                                    accountId: string;
                                    accountName: string;
                                    /** @description Minor units (kobo for NGN) */
                                    amount: number;
                                    createdAt: string;
                                    pending: boolean;
                                    side: string;
                                    transactionId: string;
                                }[];
                                provider: string | null;
                                providerCalls: {
                                    at: string;
                                    code: string | null;
                                    latencyMs: number;
                                    message: string | null;
                                    op: string;
                                    outcome: string;
                                    provider: string;
                                }[];
                                refundFrom: {
                                    /** @description Minor units (kobo for NGN) */
                                    amount: number;
                                    type: string;
                                }[];
                                status: string;
                                timeline: {
                                    at: string;
                                    reason: string | null;
                                    status: string;
                                }[];
                                title: string;
                                tokenAvailable: boolean;
                                type: string;
                                walletId: string;
                            } | null;
                            subjectId: string;
                            /** @enum {string} */
                            subjectType: "bill_payment" | "transfer" | "deposit" | "withdrawal";
                            /** @description DSP-<year>-<number>: quote it in any contact */
                            trackingNumber: string;
                            updatedAt: string;
                            userId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: dispute_not_open */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/disputes/{id}/requery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the bill provider about the disputed payment now; its answer is applied as the vend job's would be */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string;
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            createdAt: string;
                            currency: string;
                            description: string;
                            /** @description When the resolution is due (DISPUTE_SLA_DAYS after opening) */
                            dueAt: string;
                            id: string;
                            messages: {
                                /** @enum {string} */
                                author: "customer" | "operator" | "system";
                                body: string;
                                createdAt: string;
                                id: string;
                            }[];
                            /** @description Still open past dueAt */
                            overdue: boolean;
                            /** @enum {string} */
                            reason: "token_not_received" | "wrong_amount" | "not_authorised" | "service_not_rendered" | "other";
                            refund: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                createdAt: string;
                                currency: string;
                                transactionId: string;
                            } | null;
                            resolutionReason: string | null;
                            resolvedAt: string | null;
                            /** @enum {string} */
                            status: "opened" | "under_review" | "resolved_refunded" | "resolved_rejected" | "resolved_delivered" | "withdrawn";
                            subject: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                currency: string;
                                id: string;
                                /** @enum {string} */
                                money: "in_flight" | "money_back" | "refundable";
                                postings: {
                                    accountId: string;
                                    accountName: string;
                                    /** @description Minor units (kobo for NGN) */
                                    amount: number;
                                    createdAt: string;
                                    pending: boolean;
                                    side: string;
                                    transactionId: string;
                                }[];
                                provider: string | null;
                                providerCalls: {
                                    at: string;
                                    code: string | null;
                                    latencyMs: number;
                                    message: string | null;
                                    op: string;
                                    outcome: string;
                                    provider: string;
                                }[];
                                refundFrom: {
                                    /** @description Minor units (kobo for NGN) */
                                    amount: number;
                                    type: string;
                                }[];
                                status: string;
                                timeline: {
                                    at: string;
                                    reason: string | null;
                                    status: string;
                                }[];
                                title: string;
                                tokenAvailable: boolean;
                                type: string;
                                walletId: string;
                            } | null;
                            subjectId: string;
                            /** @enum {string} */
                            subjectType: "bill_payment" | "transfer" | "deposit" | "withdrawal";
                            /** @description DSP-<year>-<number>: quote it in any contact */
                            trackingNumber: string;
                            updatedAt: string;
                            userId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: bad_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/disputes/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve a dispute: refund (a ledger refund to the customer's wallet, at most once per transaction), reject with a reason, or delivered (the bill's token sent again); audited
         * @description A payment still in flight is 409 subject_in_flight; one whose money already came back (failed, reversed, refunded) is 409 already_refunded.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required: a unique key (a UUID) per money-moving request; a retry reuses it */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "refund" | "reject" | "delivered";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string;
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            createdAt: string;
                            currency: string;
                            description: string;
                            /** @description When the resolution is due (DISPUTE_SLA_DAYS after opening) */
                            dueAt: string;
                            id: string;
                            messages: {
                                /** @enum {string} */
                                author: "customer" | "operator" | "system";
                                body: string;
                                createdAt: string;
                                id: string;
                            }[];
                            /** @description Still open past dueAt */
                            overdue: boolean;
                            /** @enum {string} */
                            reason: "token_not_received" | "wrong_amount" | "not_authorised" | "service_not_rendered" | "other";
                            refund: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                createdAt: string;
                                currency: string;
                                transactionId: string;
                            } | null;
                            resolutionReason: string | null;
                            resolvedAt: string | null;
                            /** @enum {string} */
                            status: "opened" | "under_review" | "resolved_refunded" | "resolved_rejected" | "resolved_delivered" | "withdrawn";
                            subject: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                currency: string;
                                id: string;
                                /** @enum {string} */
                                money: "in_flight" | "money_back" | "refundable";
                                postings: {
                                    accountId: string;
                                    accountName: string;
                                    /** @description Minor units (kobo for NGN) */
                                    amount: number;
                                    createdAt: string;
                                    pending: boolean;
                                    side: string;
                                    transactionId: string;
                                }[];
                                provider: string | null;
                                providerCalls: {
                                    at: string;
                                    code: string | null;
                                    latencyMs: number;
                                    message: string | null;
                                    op: string;
                                    outcome: string;
                                    provider: string;
                                }[];
                                refundFrom: {
                                    /** @description Minor units (kobo for NGN) */
                                    amount: number;
                                    type: string;
                                }[];
                                status: string;
                                timeline: {
                                    at: string;
                                    reason: string | null;
                                    status: string;
                                }[];
                                title: string;
                                tokenAvailable: boolean;
                                type: string;
                                walletId: string;
                            } | null;
                            subjectId: string;
                            /** @enum {string} */
                            subjectType: "bill_payment" | "transfer" | "deposit" | "withdrawal";
                            /** @description DSP-<year>-<number>: quote it in any contact */
                            trackingNumber: string;
                            updatedAt: string;
                            userId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: dispute_not_open, subject_in_flight, already_refunded, no_token, request_in_progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: limit_exceeded, wallet_frozen, wallet_closed, idempotency_key_reused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/disputes/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take an opened dispute for review (audited; the customer is told) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string;
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            createdAt: string;
                            currency: string;
                            description: string;
                            /** @description When the resolution is due (DISPUTE_SLA_DAYS after opening) */
                            dueAt: string;
                            id: string;
                            messages: {
                                /** @enum {string} */
                                author: "customer" | "operator" | "system";
                                body: string;
                                createdAt: string;
                                id: string;
                            }[];
                            /** @description Still open past dueAt */
                            overdue: boolean;
                            /** @enum {string} */
                            reason: "token_not_received" | "wrong_amount" | "not_authorised" | "service_not_rendered" | "other";
                            refund: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                createdAt: string;
                                currency: string;
                                transactionId: string;
                            } | null;
                            resolutionReason: string | null;
                            resolvedAt: string | null;
                            /** @enum {string} */
                            status: "opened" | "under_review" | "resolved_refunded" | "resolved_rejected" | "resolved_delivered" | "withdrawn";
                            subject: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                currency: string;
                                id: string;
                                /** @enum {string} */
                                money: "in_flight" | "money_back" | "refundable";
                                postings: {
                                    accountId: string;
                                    accountName: string;
                                    /** @description Minor units (kobo for NGN) */
                                    amount: number;
                                    createdAt: string;
                                    pending: boolean;
                                    side: string;
                                    transactionId: string;
                                }[];
                                provider: string | null;
                                providerCalls: {
                                    at: string;
                                    code: string | null;
                                    latencyMs: number;
                                    message: string | null;
                                    op: string;
                                    outcome: string;
                                    provider: string;
                                }[];
                                refundFrom: {
                                    /** @description Minor units (kobo for NGN) */
                                    amount: number;
                                    type: string;
                                }[];
                                status: string;
                                timeline: {
                                    at: string;
                                    reason: string | null;
                                    status: string;
                                }[];
                                title: string;
                                tokenAvailable: boolean;
                                type: string;
                                walletId: string;
                            } | null;
                            subjectId: string;
                            /** @enum {string} */
                            subjectType: "bill_payment" | "transfer" | "deposit" | "withdrawal";
                            /** @description DSP-<year>-<number>: quote it in any contact */
                            trackingNumber: string;
                            updatedAt: string;
                            userId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: dispute_not_open */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/inbound-transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inbound bank transfers, newest first; `status=held`: those in suspense, waiting for an operator */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    status?: "credited" | "held" | "returned";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description The account number the money was sent to */
                                accountNumber: string;
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                createdAt: string;
                                /** @description ISO 4217 code */
                                currency: string;
                                depositId: string | null;
                                holdDetail: string | null;
                                /** @enum {string|null} */
                                holdReason: "unknown_account" | "over_limit" | "not_creditable" | null;
                                /** Format: uuid */
                                id: string;
                                /** @description The gateway's reference */
                                reference: string;
                                /** @enum {string|null} */
                                resolution: "credited_to_wallet" | "returned_to_sender" | null;
                                resolvedAt: string | null;
                                resolvedBy: string | null;
                                resolvedWalletId: string | null;
                                returnReference: string | null;
                                sender: {
                                    accountNumber: string | null;
                                    bank: string | null;
                                    name: string | null;
                                };
                                /** @enum {string} */
                                status: "credited" | "held" | "returned";
                                /** @description The wallet the account number belongs to, if any */
                                walletId: string | null;
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/inbound-transfers/{id}/credit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Credit a held transfer to a wallet (suspense -> wallet, the owner's limits applied; audited) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required: a unique key (a UUID) per money-moving request; a retry reuses it */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        /** Format: uuid */
                        walletId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The account number the money was sent to */
                            accountNumber: string;
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            depositId: string | null;
                            holdDetail: string | null;
                            /** @enum {string|null} */
                            holdReason: "unknown_account" | "over_limit" | "not_creditable" | null;
                            /** Format: uuid */
                            id: string;
                            /** @description The gateway's reference */
                            reference: string;
                            /** @enum {string|null} */
                            resolution: "credited_to_wallet" | "returned_to_sender" | null;
                            resolvedAt: string | null;
                            resolvedBy: string | null;
                            resolvedWalletId: string | null;
                            returnReference: string | null;
                            sender: {
                                accountNumber: string | null;
                                bank: string | null;
                                name: string | null;
                            };
                            /** @enum {string} */
                            status: "credited" | "held" | "returned";
                            /** @description The wallet the account number belongs to, if any */
                            walletId: string | null;
                        };
                    };
                };
                /** @description Problem document; code is one of: idempotency_key_required, invalid_idempotency_key, validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, kyc_required */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: request_in_progress, not_resolvable */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: idempotency_key_reused, currency_mismatch, limit_exceeded, wallet_frozen, wallet_closed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/inbound-transfers/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a held transfer returned to its sender (suspense -> payout clearing, with the bank reference; audited) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required: a unique key (a UUID) per money-moving request; a retry reuses it */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The bank's reference of the transfer back to the sender */
                        bankReference: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The account number the money was sent to */
                            accountNumber: string;
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            depositId: string | null;
                            holdDetail: string | null;
                            /** @enum {string|null} */
                            holdReason: "unknown_account" | "over_limit" | "not_creditable" | null;
                            /** Format: uuid */
                            id: string;
                            /** @description The gateway's reference */
                            reference: string;
                            /** @enum {string|null} */
                            resolution: "credited_to_wallet" | "returned_to_sender" | null;
                            resolvedAt: string | null;
                            resolvedBy: string | null;
                            resolvedWalletId: string | null;
                            returnReference: string | null;
                            sender: {
                                accountNumber: string | null;
                                bank: string | null;
                                name: string | null;
                            };
                            /** @enum {string} */
                            status: "credited" | "held" | "returned";
                            /** @description The wallet the account number belongs to, if any */
                            walletId: string | null;
                        };
                    };
                };
                /** @description Problem document; code is one of: idempotency_key_required, invalid_idempotency_key, validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, kyc_required */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: request_in_progress, not_resolvable */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: idempotency_key_reused, currency_mismatch, limit_exceeded, wallet_frozen, wallet_closed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/kyc/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tier-3 requests, oldest first (pending unless status says otherwise) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    status?: "pending" | "approved" | "rejected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                address: string;
                                /** Format: date-time */
                                decidedAt?: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @description Masked to its last four characters */
                                idNumber: string;
                                /** @enum {string} */
                                idType: "passport" | "drivers_licence" | "voters_card" | "national_id";
                                reason?: string | null;
                                reviewerId?: string | null;
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected";
                                /** Format: date-time */
                                submittedAt: string;
                                /** Format: uuid */
                                userId: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field, invalid_cursor */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/kyc/reviews/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a tier-3 request: the person moves to tier 3 (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string;
                            /** Format: date-time */
                            decidedAt?: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @description Masked to its last four characters */
                            idNumber: string;
                            /** @enum {string} */
                            idType: "passport" | "drivers_licence" | "voters_card" | "national_id";
                            reason?: string | null;
                            reviewerId?: string | null;
                            /** @enum {string} */
                            status: "pending" | "approved" | "rejected";
                            /** Format: date-time */
                            submittedAt: string;
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen, phone_unverified */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: cannot_target_self, review_not_pending */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/kyc/reviews/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a tier-3 request; the person may submit again (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string;
                            /** Format: date-time */
                            decidedAt?: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @description Masked to its last four characters */
                            idNumber: string;
                            /** @enum {string} */
                            idType: "passport" | "drivers_licence" | "voters_card" | "national_id";
                            reason?: string | null;
                            reviewerId?: string | null;
                            /** @enum {string} */
                            status: "pending" | "approved" | "rejected";
                            /** Format: date-time */
                            submittedAt: string;
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen, phone_unverified */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: cannot_target_self, review_not_pending */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/kyc/tier-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** KYC tier settings: whether reaching each tier needs a verified phone */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Moving a person up to this tier needs their phone verified by a one-time code */
                                requiresVerifiedPhone: boolean;
                                /** @enum {integer} */
                                tier: 1 | 2 | 3;
                                /** Format: date-time */
                                updatedAt: string;
                                updatedBy: string | null;
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/kyc/tier-settings/{tier}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change what reaching a tier needs (admin only, audited); people already on it stay */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tier: 1 | 2 | 3;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        requiresVerifiedPhone: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Moving a person up to this tier needs their phone verified by a one-time code */
                            requiresVerifiedPhone: boolean;
                            /** @enum {integer} */
                            tier: 1 | 2 | 3;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string | null;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/kyc/tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** KYC tier rules: every version by currency and tier, newest first (inForce: applies now) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                createdAt?: string;
                                createdBy?: string | null;
                                /** @description ISO 4217 code */
                                currency: string;
                                /** @description Minor units (kobo for NGN) */
                                dailyDebitLimit: number;
                                /** Format: date-time */
                                effectiveFrom: string;
                                id: string;
                                inForce?: boolean;
                                /** @description Minor units; null = no maximum */
                                maxBalance: number | null;
                                reason?: string;
                                /** @description Minor units (kobo for NGN) */
                                singleDepositLimit?: number;
                                /** @description Minor units (kobo for NGN) */
                                singleTransactionLimit: number;
                                /** @enum {integer} */
                                tier: 1 | 2 | 3;
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a tier rule version, effective from a time (default now; admin only, audited)
         * @description Older versions are never changed. A row for a tier and currency allows that currency at that tier.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description ISO 4217 code */
                        currency: string;
                        dailyDebitLimit: number;
                        /**
                         * Format: date-time
                         * @description Default now; never in the past
                         */
                        effectiveFrom?: string;
                        maxBalance: number | null;
                        reason: string;
                        singleDepositLimit: number;
                        singleTransactionLimit: number;
                        /** @enum {integer} */
                        tier: 1 | 2 | 3;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt?: string;
                            createdBy?: string | null;
                            /** @description ISO 4217 code */
                            currency: string;
                            /** @description Minor units (kobo for NGN) */
                            dailyDebitLimit: number;
                            /** Format: date-time */
                            effectiveFrom: string;
                            id: string;
                            inForce?: boolean;
                            /** @description Minor units; null = no maximum */
                            maxBalance: number | null;
                            reason?: string;
                            /** @description Minor units (kobo for NGN) */
                            singleDepositLimit?: number;
                            /** @description Minor units (kobo for NGN) */
                            singleTransactionLimit: number;
                            /** @enum {integer} */
                            tier: 1 | 2 | 3;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/ledger/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the ledger audit: debits = credits per currency, stored balances = postings, no negative wallets, no overdue holds */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at: string;
                            checks: {
                                detail: string;
                                name: string;
                                ok: boolean;
                                proves: string;
                                title: string;
                                violations: {
                                    [key: string]: unknown;
                                }[];
                            }[];
                            ok: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/ledger/system-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** System accounts (gateway clearing, provider float, fee revenue, ...) with their balances */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                balance: number;
                                credits: number;
                                currency: string;
                                debits: number;
                                id: string;
                                name: string;
                                pendingCredits: number;
                                pendingDebits: number;
                                type: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/outbox/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outbox deliveries that exhausted their attempts */
        get: {
            parameters: {
                query?: {
                    consumer?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                attempts: number;
                                consumer: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                deadAt?: string | null;
                                eventId: string;
                                key?: string | null;
                                lastError: string | null;
                                payload?: {
                                    [key: string]: unknown;
                                } | unknown[] | string | number | boolean | null;
                                type: string;
                                userId?: string | null;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field, invalid_cursor */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/outbox/dead-letters/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a dead delivery again with a fresh attempt budget (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        consumer: string;
                        eventId: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Queued */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/promotions/receivables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rewards clawed back after the person had spent them: what they owe (nothing moved) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Paid (0 when skipped) */
                                amount: number;
                                /** Format: uuid */
                                campaignId: string;
                                campaignName: string;
                                /** @description What the effect computed (more than amount when the budget ran short) */
                                computed: number;
                                createdAt: string;
                                /** @description ISO 4217 code */
                                currency: string;
                                /** Format: uuid */
                                id: string;
                                reason: string | null;
                                /** @description Minor units (kobo for NGN) */
                                receivable: number;
                                /** @enum {string} */
                                role: "customer" | "referrer" | "referee";
                                /** @description The triggering transaction, e.g. bill_payment:<id> */
                                source: string;
                                /** @enum {string} */
                                status: "paid" | "skipped" | "clawed_back" | "receivable" | "settled";
                                /** Format: uuid */
                                userId: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Provider health: breaker state, success rate, latency; sandbox knobs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                calls: number;
                                consecutiveFailures: number;
                                name: string;
                                p50Ms: number | null;
                                p95Ms: number | null;
                                recentCalls: number;
                                recentP50Ms: number | null;
                                recentSuccessRate: number | null;
                                recordedCalls: number;
                                state: string;
                                successRate: number | null;
                                windowCalls: number;
                            }[];
                            knobs: {
                                balanceDriftMinor: number;
                                commissionBps: number | null;
                                commissionFlatMinor: number | null;
                                failureRate: number;
                                floatEnforced: boolean;
                                latencyMs: number;
                                lostResponseRate: number;
                                pendingMs: number;
                                pendingRate: number;
                                profile: string;
                                reversalMs: number;
                                timeoutMs: number;
                                webhookUrl: string | null;
                            } | null;
                            /** Format: date-time */
                            recentSince: string;
                            sandbox: boolean;
                            sims: {
                                knobs: {
                                    balanceDriftMinor: number;
                                    commissionBps: number | null;
                                    commissionFlatMinor: number | null;
                                    failureRate: number;
                                    floatEnforced: boolean;
                                    latencyMs: number;
                                    lostResponseRate: number;
                                    pendingMs: number;
                                    pendingRate: number;
                                    profile: string;
                                    reversalMs: number;
                                    timeoutMs: number;
                                    webhookUrl: string | null;
                                };
                                name: string;
                                url: string;
                            }[];
                            /** Format: date-time */
                            since: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/providers/{id}/float-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read the provider's balance now and compare it with our float (what the worker does every minute) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo) */
                            drift: number | null;
                            error: string | null;
                            opened: string[];
                            /** @description Minor units (kobo for NGN) */
                            ours: number;
                            provider: string;
                            /** @description Minor units (kobo) */
                            theirs: number | null;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/providers/{id}/float-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the low-float alert threshold (0: off) and the drift tolerated before an alert, minor units (audited) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        driftThreshold?: number;
                        lowFloatThreshold?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            driftThreshold: number;
                            /** @description Minor units (kobo for NGN) */
                            lowFloatThreshold: number;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/providers/{id}/float-topups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a float top-up (settlement bank -> provider float in the ledger; audited). Idempotent by bank reference: the same one again answers the first (200), with another amount 409 */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required: a unique key (a UUID) per money-moving request; a retry reuses it */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Minor units (kobo) */
                        amount: number;
                        bankReference: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actorId: string | null;
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            bankReference: string;
                            createdAt: string;
                            currency: string;
                            id: string;
                            provider: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actorId: string | null;
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            bankReference: string;
                            createdAt: string;
                            currency: string;
                            id: string;
                            provider: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: bank_reference_reused */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: ledger_refused */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/providers/float": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each bill provider's float: our ledger's figure, the provider's at the last check, the drift, thresholds, open alerts and recent top-ups */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                alerts: {
                                    kind: string;
                                    message: string;
                                    openedAt: string;
                                }[];
                                currency: string;
                                /** @description Minor units (kobo for NGN) */
                                driftThreshold: number;
                                /** @description Minor units (kobo for NGN) */
                                heldForVends: number;
                                lastCheck: {
                                    at: string;
                                    /** @description Minor units (kobo) */
                                    drift: number | null;
                                    error: string | null;
                                    /** @description Minor units (kobo for NGN) */
                                    ours: number;
                                    /** @description Minor units (kobo) */
                                    theirs: number | null;
                                } | null;
                                /** @description Minor units (kobo for NGN) */
                                lowFloatThreshold: number;
                                /** @description Minor units (kobo for NGN) */
                                ours: number;
                                provider: string;
                                topups: {
                                    actorId: string | null;
                                    /** @description Minor units (kobo for NGN) */
                                    amount: number;
                                    bankReference: string;
                                    createdAt: string;
                                    currency: string;
                                    id: string;
                                    provider: string;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/reconciliation-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Matching rules, in the order they are tried (lowest priority first) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                createdAt: string;
                                criteria: {
                                    /** @description Basis points of our amount */
                                    driftBps?: number;
                                    /** @description Minor units */
                                    driftMinor?: number;
                                    /** @enum {string} */
                                    field: "reference" | "amount" | "date" | "currency";
                                    /** @enum {string} */
                                    operator: "equals" | "contains" | "within";
                                    windowSeconds?: number;
                                }[];
                                enabled: boolean;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @description Lower first */
                                priority: number;
                                sources: string[];
                                /** @enum {string} */
                                strategy: "one_to_one" | "one_to_many" | "many_to_one";
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: invalid_cursor, validation_failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a matching rule (admin only, audited); runs already started keep the rules they began with
         * @description Criteria: reference equals|contains, amount equals | within {driftMinor, driftBps}, date within {windowSeconds}, currency equals. With a reference criterion the amount decides matched or amount_mismatch; without one, items pair on the amount.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        criteria: {
                            /** @description Basis points of our amount */
                            driftBps?: number;
                            /** @description Minor units */
                            driftMinor?: number;
                            /** @enum {string} */
                            field: "reference" | "amount" | "date" | "currency";
                            /** @enum {string} */
                            operator: "equals" | "contains" | "within";
                            windowSeconds?: number;
                        }[];
                        enabled?: boolean;
                        name: string;
                        /** @description Lower first */
                        priority: number;
                        reason: string;
                        sources: string[];
                        /** @enum {string} */
                        strategy: "one_to_one" | "one_to_many" | "many_to_one";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            criteria: {
                                /** @description Basis points of our amount */
                                driftBps?: number;
                                /** @description Minor units */
                                driftMinor?: number;
                                /** @enum {string} */
                                field: "reference" | "amount" | "date" | "currency";
                                /** @enum {string} */
                                operator: "equals" | "contains" | "within";
                                windowSeconds?: number;
                            }[];
                            enabled: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description Lower first */
                            priority: number;
                            sources: string[];
                            /** @enum {string} */
                            strategy: "one_to_one" | "one_to_many" | "many_to_one";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field, invalid_match_rule */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/reconciliation-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a matching rule (admin only, audited with before and after) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        criteria?: {
                            /** @description Basis points of our amount */
                            driftBps?: number;
                            /** @description Minor units */
                            driftMinor?: number;
                            /** @enum {string} */
                            field: "reference" | "amount" | "date" | "currency";
                            /** @enum {string} */
                            operator: "equals" | "contains" | "within";
                            windowSeconds?: number;
                        }[];
                        enabled?: boolean;
                        name?: string;
                        /** @description Lower first */
                        priority?: number;
                        reason: string;
                        sources?: string[];
                        /** @enum {string} */
                        strategy?: "one_to_one" | "one_to_many" | "many_to_one";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            criteria: {
                                /** @description Basis points of our amount */
                                driftBps?: number;
                                /** @description Minor units */
                                driftMinor?: number;
                                /** @enum {string} */
                                field: "reference" | "amount" | "date" | "currency";
                                /** @enum {string} */
                                operator: "equals" | "contains" | "within";
                                windowSeconds?: number;
                            }[];
                            enabled: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description Lower first */
                            priority: number;
                            sources: string[];
                            /** @enum {string} */
                            strategy: "one_to_one" | "one_to_many" | "many_to_one";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field, invalid_match_rule */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/admin/reconciliations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reconciliation runs, newest first, with their counts */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                attempts: number;
                                completedAt: string | null;
                                /** @description Result rows per class: every line of the report and every one of our items in exactly one */
                                counts: {
                                    amount_mismatch: number;
                                    duplicate_external: number;
                                    matched: number;
                                    missing_external: number;
                                    missing_internal: number;
                                    status_mismatch: number;
                                } | null;
                                createdAt: string;
                                dryRun: boolean;
                                externalCount: number;
                                failureReason: string | null;
                                fileName: string | null;
                                /** Format: uuid */
                                id: string;
                                internalCount: number | null;
                                /** @enum {string} */
                                origin: "upload" | "pull" | "nightly";
                                periodFrom: string;
                                periodTo: string;
                                progress: {
                                    total: number | null;
                                    written: number;
                                };
                                /** @description true: this file was reconciled before; this is that run */
                                replayed: boolean;
                                reportDate: string | null;
                                sha256: string;
                                source: string;
                                /** @enum {string} */
                                status: "started" | "in_progress" | "completed" | "failed";
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem document; code is one of: invalid_cursor, validation_failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Reconcile an uploaded report (multipart/form-data; the same file again answers the first run)
         * @description Fields: `file` (CSV with a header row, or JSON: an array of lines or {"data": [...]}; at most 20 MB and 100,000 lines), `source` (`provider:<id>`, `gateway`, `bank`), optional `mapping` (JSON: column names for reference, amount, currency, status, date; amountUnit minor|major; defaultCurrency; statusMap), `from` and `to` (the period; default the Africa/Lagos days of the lines), `dryRun` (true: counts only, nothing stored). The default columns are reference,amount,currency,status,date with the amount in minor units. 201 a new run, 200 a replay (the same file) or a dry run.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Result rows per class: every line of the report and every one of our items in exactly one */
                            counts?: {
                                amount_mismatch: number;
                                duplicate_external: number;
                                matched: number;
                                missing_external: number;
                                missing_internal: number;
                                status_mismatch: number;
                            } | null;
                            /** @enum {boolean} */
                            dryRun: true;
                            exceptions?: {
                                class: string;
                                externalAmount: number | null;
                                externalSeqs: number[];
                                internalAmount: number | null;
                                internalIds: string[];
                                position: number;
                            }[];
                            externalCount?: number;
                            internalCount?: number;
                            periodFrom?: string;
                            periodTo?: string;
                            source?: string;
                            status?: string;
                        } | {
                            attempts: number;
                            completedAt: string | null;
                            /** @description Result rows per class: every line of the report and every one of our items in exactly one */
                            counts: {
                                amount_mismatch: number;
                                duplicate_external: number;
                                matched: number;
                                missing_external: number;
                                missing_internal: number;
                                status_mismatch: number;
                            } | null;
                            createdAt: string;
                            dryRun: boolean;
                            externalCount: number;
                            failureReason: string | null;
                            fileName: string | null;
                            /** Format: uuid */
                            id: string;
                            internalCount: number | null;
                            /** @enum {string} */
                            origin: "upload" | "pull" | "nightly";
                            periodFrom: string;
                            periodTo: string;
                            progress: {
                                total: number | null;
                                written: number;
                            };
                            /** @description true: this file was reconciled before; this is that run */
                            replayed: boolean;
                            reportDate: string | null;
                            sha256: string;
                            source: string;
                            /** @enum {string} */
                            status: "started" | "in_progress" | "completed" | "failed";
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            completedAt: string | null;
                            /** @description Result rows per class: every line of the report and every one of our items in exactly one */
                            counts: {
                                amount_mismatch: number;
                                duplicate_external: number;
                                matched: number;
                                missing_external: number;
                                missing_internal: number;
                                status_mismatch: number;
                            } | null;
                            createdAt: string;
                            dryRun: boolean;
                            externalCount: number;
                            failureReason: string | null;
                            fileName: string | null;
                            /** Format: uuid */
                            id: string;
                            internalCount: number | null;
                            /** @enum {string} */
                            origin: "upload" | "pull" | "nightly";
                            periodFrom: string;
                            periodTo: string;
                            progress: {
                                total: number | null;
                                written: number;
                            };
                            /** @description true: this file was reconciled before; this is that run */
                            replayed: boolean;
                            reportDate: string | null;
                            sha256: string;
                            source: string;
                            /** @enum {string} */
                            status: "started" | "in_progress" | "completed" | "failed";
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, invalid_report */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_sandbox */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: body_too_large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unsupported_media_type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: providers_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/reconciliations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A run: status, counts per class and a page of its exceptions (by class; open or resolved) */
        get: {
            parameters: {
                query?: {
                    class?: "missing_internal" | "missing_external" | "amount_mismatch" | "status_mismatch" | "duplicate_external";
                    cursor?: string;
                    limit?: number;
                    /** @description true: unresolved exceptions only; false: resolved only */
                    open?: boolean;
                };
                header?: never;
                path: {
                    exceptionId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            completedAt: string | null;
                            /** @description Result rows per class: every line of the report and every one of our items in exactly one */
                            counts: {
                                amount_mismatch: number;
                                duplicate_external: number;
                                matched: number;
                                missing_external: number;
                                missing_internal: number;
                                status_mismatch: number;
                            } | null;
                            createdAt: string;
                            dryRun: boolean;
                            exceptions: {
                                /** @description The resolutions it may take */
                                actions: string[];
                                /** @enum {string} */
                                class: "matched" | "missing_internal" | "missing_external" | "amount_mismatch" | "status_mismatch" | "duplicate_external";
                                /** @description The report's lines in this row */
                                external: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    date: string;
                                    rawStatus: string;
                                    reference: string;
                                    seq: number;
                                    /** @enum {string} */
                                    status: "success" | "failed" | "reversed" | "pending";
                                }[];
                                externalAmount: number | null;
                                /** Format: uuid */
                                id: string;
                                /** @description Our items in this row */
                                internal: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    date: string;
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "bill_payment" | "deposit" | "withdrawal";
                                    rawStatus: string;
                                    reference: string;
                                    /** @enum {string} */
                                    status: "success" | "failed" | "reversed" | "pending";
                                }[];
                                internalAmount: number | null;
                                position: number;
                                /** @enum {string|null} */
                                resolution: "requeried" | "adjusted" | "linked" | "accepted" | null;
                                resolutionDetail: {
                                    [key: string]: unknown;
                                } | null;
                                resolutionReason: string | null;
                                resolvedAt: string | null;
                                resolvedBy: string | null;
                            }[];
                            externalCount: number;
                            failureReason: string | null;
                            fileName: string | null;
                            /** Format: uuid */
                            id: string;
                            internalCount: number | null;
                            nextCursor: string | null;
                            /** @enum {string} */
                            origin: "upload" | "pull" | "nightly";
                            periodFrom: string;
                            periodTo: string;
                            progress: {
                                total: number | null;
                                written: number;
                            };
                            /** @description true: this file was reconciled before; this is that run */
                            replayed: boolean;
                            reportDate: string | null;
                            sha256: string;
                            source: string;
                            /** @enum {string} */
                            status: "started" | "in_progress" | "completed" | "failed";
                        };
                    };
                };
                /** @description Problem document; code is one of: invalid_cursor, validation_failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/reconciliations/{id}/exceptions/{exceptionId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve an exception: requery the provider, adjust through suspense, link, or accept (audited)
         * @description requery: our bill payment is checked with the provider now (provider sources). adjust: `amount` and `direction` move money between the source's clearing account (provider float, gateway clearing, payout clearing) and suspense by a new ledger transaction. link: `internalId`, one of our items of this run that no line matched. accept: nothing moves. Each once, with a reason.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required: a unique key (a UUID) per money-moving request; a retry reuses it */
                    "idempotency-key"?: string;
                };
                path: {
                    exceptionId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "requery" | "adjust" | "link" | "accept";
                        /** @description adjust: minor units moved */
                        amount?: number;
                        /**
                         * @description adjust: from the source's clearing account to suspense, or back
                         * @enum {string}
                         */
                        direction?: "to_suspense" | "from_suspense";
                        /**
                         * Format: uuid
                         * @description link: one of our items in this run that no line matched
                         */
                        internalId?: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The resolutions it may take */
                            actions: string[];
                            /** @enum {string} */
                            class: "matched" | "missing_internal" | "missing_external" | "amount_mismatch" | "status_mismatch" | "duplicate_external";
                            /** @description The report's lines in this row */
                            external: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                                date: string;
                                rawStatus: string;
                                reference: string;
                                seq: number;
                                /** @enum {string} */
                                status: "success" | "failed" | "reversed" | "pending";
                            }[];
                            externalAmount: number | null;
                            /** Format: uuid */
                            id: string;
                            /** @description Our items in this row */
                            internal: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                                date: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "bill_payment" | "deposit" | "withdrawal";
                                rawStatus: string;
                                reference: string;
                                /** @enum {string} */
                                status: "success" | "failed" | "reversed" | "pending";
                            }[];
                            internalAmount: number | null;
                            position: number;
                            /** @enum {string|null} */
                            resolution: "requeried" | "adjusted" | "linked" | "accepted" | null;
                            resolutionDetail: {
                                [key: string]: unknown;
                            } | null;
                            resolutionReason: string | null;
                            resolvedAt: string | null;
                            resolvedBy: string | null;
                        };
                    };
                };
                /** @description Problem document; code is one of: idempotency_key_required, invalid_idempotency_key, validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: request_in_progress, not_resolvable */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: idempotency_key_reused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: ledger_refused */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/reconciliations/pull": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reconcile a provider's report for a day, fetched from the provider (sandbox simulators only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The Africa/Lagos day */
                        date: string;
                        /** @description Sandbox: differences the simulator injects into its report, each into its own line */
                        discrepancies?: ("amount_mismatch" | "status_mismatch" | "missing_internal" | "missing_external" | "duplicate_external")[];
                        dryRun?: boolean;
                        /** @description `provider:<id>` (bill payments of that provider), `gateway` (deposits), `bank` (withdrawals) */
                        source: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Result rows per class: every line of the report and every one of our items in exactly one */
                            counts?: {
                                amount_mismatch: number;
                                duplicate_external: number;
                                matched: number;
                                missing_external: number;
                                missing_internal: number;
                                status_mismatch: number;
                            } | null;
                            /** @enum {boolean} */
                            dryRun: true;
                            exceptions?: {
                                class: string;
                                externalAmount: number | null;
                                externalSeqs: number[];
                                internalAmount: number | null;
                                internalIds: string[];
                                position: number;
                            }[];
                            externalCount?: number;
                            internalCount?: number;
                            periodFrom?: string;
                            periodTo?: string;
                            source?: string;
                            status?: string;
                        } | {
                            attempts: number;
                            completedAt: string | null;
                            /** @description Result rows per class: every line of the report and every one of our items in exactly one */
                            counts: {
                                amount_mismatch: number;
                                duplicate_external: number;
                                matched: number;
                                missing_external: number;
                                missing_internal: number;
                                status_mismatch: number;
                            } | null;
                            createdAt: string;
                            dryRun: boolean;
                            externalCount: number;
                            failureReason: string | null;
                            fileName: string | null;
                            /** Format: uuid */
                            id: string;
                            internalCount: number | null;
                            /** @enum {string} */
                            origin: "upload" | "pull" | "nightly";
                            periodFrom: string;
                            periodTo: string;
                            progress: {
                                total: number | null;
                                written: number;
                            };
                            /** @description true: this file was reconciled before; this is that run */
                            replayed: boolean;
                            reportDate: string | null;
                            sha256: string;
                            source: string;
                            /** @enum {string} */
                            status: "started" | "in_progress" | "completed" | "failed";
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            completedAt: string | null;
                            /** @description Result rows per class: every line of the report and every one of our items in exactly one */
                            counts: {
                                amount_mismatch: number;
                                duplicate_external: number;
                                matched: number;
                                missing_external: number;
                                missing_internal: number;
                                status_mismatch: number;
                            } | null;
                            createdAt: string;
                            dryRun: boolean;
                            externalCount: number;
                            failureReason: string | null;
                            fileName: string | null;
                            /** Format: uuid */
                            id: string;
                            internalCount: number | null;
                            /** @enum {string} */
                            origin: "upload" | "pull" | "nightly";
                            periodFrom: string;
                            periodTo: string;
                            progress: {
                                total: number | null;
                                written: number;
                            };
                            /** @description true: this file was reconciled before; this is that run */
                            replayed: boolean;
                            reportDate: string | null;
                            sha256: string;
                            source: string;
                            /** @enum {string} */
                            status: "started" | "in_progress" | "completed" | "failed";
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, invalid_report */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_sandbox */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: body_too_large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unsupported_media_type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: providers_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/review-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payments waiting for an operator (needs_review) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                billerId: string;
                                billerName: string;
                                category: string | null;
                                createdAt: string;
                                currency: string;
                                customerName: string | null;
                                customerRef: string;
                                /** @description Why it did not go through. A customer reads it in plain words; the provider's code and message are in the operator view */
                                failureReason: string | null;
                                /** @description Minor units (kobo for NGN) */
                                fee: number;
                                finalizedAt: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @description The phone number given on the payment (E.164): the token is texted to it */
                                phone: string | null;
                                productCode: string;
                                providerReference: string;
                                receipt: {
                                    [key: string]: unknown;
                                } | null;
                                /** @enum {string} */
                                status: "pending" | "processing" | "succeeded" | "failed" | "reversed" | "needs_review";
                                timeline: {
                                    at: string;
                                    /** @description Operator view only; null for the customer */
                                    reason: string | null;
                                    status: string;
                                }[];
                                token: string | null;
                                /** @description Minor units (kobo for NGN) */
                                total: number;
                                units: string | null;
                                updatedAt: string;
                                /** Format: uuid */
                                walletId: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/risk/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Risk cases, oldest first (open unless status says otherwise), each with the person's last 20 debits */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    status?: "open" | "resolved";
                    userId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @enum {string} */
                                action: "flag" | "hold" | "block";
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                counterparty: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description ISO 4217 code */
                                currency: string;
                                /** @enum {string|null} */
                                decision: "released" | "refused" | "dismissed" | "confirmed" | null;
                                fired: {
                                    /** @enum {string} */
                                    action: "flag" | "hold" | "block";
                                    key: string;
                                    why: string;
                                }[];
                                freezeReason?: string | null;
                                /** Format: date-time */
                                frozenAt?: string | null;
                                frozenBy?: string | null;
                                /** @description Money is held until a release or refuse decision */
                                held: boolean;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "transfer" | "bill_payment" | "withdrawal";
                                reason?: string | null;
                                /** @description The person's last 20 debits, newest first */
                                recentActivity: {
                                    /** @description Minor units (kobo for NGN) */
                                    amount: number;
                                    counterparty: string;
                                    /** Format: date-time */
                                    createdAt: string;
                                    /** @description ISO 4217 code */
                                    currency: string;
                                    /** @enum {string} */
                                    kind: "transfer" | "bill_payment" | "withdrawal";
                                    newCounterparty: boolean;
                                    reference: string;
                                }[];
                                /** @description The triggering transaction references */
                                references: string[];
                                /** Format: date-time */
                                resolvedAt?: string | null;
                                resolvedBy?: string | null;
                                ruleKeys: string[];
                                /** @enum {string} */
                                status: "open" | "resolved";
                                /** Format: uuid */
                                userId: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field, invalid_cursor */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/risk/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One risk case with the person's last 20 debits */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            action: "flag" | "hold" | "block";
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            counterparty: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            /** @enum {string|null} */
                            decision: "released" | "refused" | "dismissed" | "confirmed" | null;
                            fired: {
                                /** @enum {string} */
                                action: "flag" | "hold" | "block";
                                key: string;
                                why: string;
                            }[];
                            freezeReason?: string | null;
                            /** Format: date-time */
                            frozenAt?: string | null;
                            frozenBy?: string | null;
                            /** @description Money is held until a release or refuse decision */
                            held: boolean;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "transfer" | "bill_payment" | "withdrawal";
                            reason?: string | null;
                            /** @description The person's last 20 debits, newest first */
                            recentActivity: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                counterparty: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description ISO 4217 code */
                                currency: string;
                                /** @enum {string} */
                                kind: "transfer" | "bill_payment" | "withdrawal";
                                newCounterparty: boolean;
                                reference: string;
                            }[];
                            /** @description The triggering transaction references */
                            references: string[];
                            /** Format: date-time */
                            resolvedAt?: string | null;
                            resolvedBy?: string | null;
                            ruleKeys: string[];
                            /** @enum {string} */
                            status: "open" | "resolved";
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/risk/cases/{id}/freeze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Freeze the person a case is about, recorded on the case (audited)
         * @description Operators may freeze customers only; an admin may freeze staff. Nobody may freeze themselves.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            action: "flag" | "hold" | "block";
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            counterparty: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            /** @enum {string|null} */
                            decision: "released" | "refused" | "dismissed" | "confirmed" | null;
                            fired: {
                                /** @enum {string} */
                                action: "flag" | "hold" | "block";
                                key: string;
                                why: string;
                            }[];
                            freezeReason?: string | null;
                            /** Format: date-time */
                            frozenAt?: string | null;
                            frozenBy?: string | null;
                            /** @description Money is held until a release or refuse decision */
                            held: boolean;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "transfer" | "bill_payment" | "withdrawal";
                            reason?: string | null;
                            /** @description The person's last 20 debits, newest first */
                            recentActivity: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                counterparty: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description ISO 4217 code */
                                currency: string;
                                /** @enum {string} */
                                kind: "transfer" | "bill_payment" | "withdrawal";
                                newCounterparty: boolean;
                                reference: string;
                            }[];
                            /** @description The triggering transaction references */
                            references: string[];
                            /** Format: date-time */
                            resolvedAt?: string | null;
                            resolvedBy?: string | null;
                            ruleKeys: string[];
                            /** @enum {string} */
                            status: "open" | "resolved";
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: cannot_target_self */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/risk/cases/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide an open case: release or refuse held money, dismiss or confirm a flag or block (audited)
         * @description release / refuse call the money module that held the debit, in the same transaction as the decision and its audit record. A held case cannot be dismissed or confirmed (400 validation_failed).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "release" | "refuse" | "dismiss" | "confirm";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            action: "flag" | "hold" | "block";
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            counterparty: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            /** @enum {string|null} */
                            decision: "released" | "refused" | "dismissed" | "confirmed" | null;
                            fired: {
                                /** @enum {string} */
                                action: "flag" | "hold" | "block";
                                key: string;
                                why: string;
                            }[];
                            freezeReason?: string | null;
                            /** Format: date-time */
                            frozenAt?: string | null;
                            frozenBy?: string | null;
                            /** @description Money is held until a release or refuse decision */
                            held: boolean;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "transfer" | "bill_payment" | "withdrawal";
                            reason?: string | null;
                            /** @description The person's last 20 debits, newest first */
                            recentActivity: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                counterparty: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description ISO 4217 code */
                                currency: string;
                                /** @enum {string} */
                                kind: "transfer" | "bill_payment" | "withdrawal";
                                newCounterparty: boolean;
                                reference: string;
                            }[];
                            /** @description The triggering transaction references */
                            references: string[];
                            /** Format: date-time */
                            resolvedAt?: string | null;
                            resolvedBy?: string | null;
                            ruleKeys: string[];
                            /** @enum {string} */
                            status: "open" | "resolved";
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: cannot_target_self, risk_case_not_open, risk_case_not_held */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/risk/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Risk rules: every version by key, newest first (inForce: applies now) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @enum {string} */
                                action: "flag" | "hold" | "block";
                                appliesTo: ("transfer" | "bill_payment" | "withdrawal")[];
                                /** Format: date-time */
                                createdAt?: string;
                                createdBy?: string | null;
                                /** @description ISO 4217 code */
                                currency: string;
                                /** Format: date-time */
                                effectiveFrom: string;
                                enabled: boolean;
                                id: string;
                                /** @description This version applies now */
                                inForce: boolean;
                                key: string;
                                /** @description By type: velocity_count {count, minutes}; velocity_amount {amount, minutes}; single_amount {amount}; new_recipient_amount {amount}; new_recipients_per_day {count}; new_device_large_debit {amount, minutes}. Amounts are minor units; every threshold is "more than". */
                                params: {
                                    /** @description Minor units (kobo for NGN) */
                                    amount: number;
                                    count: number;
                                    minutes: number;
                                };
                                reason?: string;
                                /** @enum {string} */
                                type: "velocity_count" | "velocity_amount" | "single_amount" | "new_recipient_amount" | "new_recipients_per_day" | "new_device_large_debit";
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Add a version of one or more risk rules, effective from a time (default now; admin only, audited)
         * @description Older versions are never changed. A key keeps its type; disable a rule with enabled: false. Actions: flag (a case, the debit goes through), hold (a case, the money waits for a decision), block (a case, the debit is refused with 403 risk_blocked).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Default now; never in the past
                         */
                        effectiveFrom?: string;
                        reason: string;
                        rules: {
                            /** @enum {string} */
                            action: "flag" | "hold" | "block";
                            appliesTo: ("transfer" | "bill_payment" | "withdrawal")[];
                            /**
                             * @description ISO 4217 code
                             * @default NGN
                             */
                            currency?: string;
                            /** @default true */
                            enabled?: boolean;
                            key: string;
                            /** @description By type: velocity_count {count, minutes}; velocity_amount {amount, minutes}; single_amount {amount}; new_recipient_amount {amount}; new_recipients_per_day {count}; new_device_large_debit {amount, minutes}. Amounts are minor units; every threshold is "more than". */
                            params: {
                                /** @description Minor units (kobo for NGN) */
                                amount?: number;
                                count?: number;
                                minutes?: number;
                            };
                            /** @enum {string} */
                            type: "velocity_count" | "velocity_amount" | "single_amount" | "new_recipient_amount" | "new_recipients_per_day" | "new_device_large_debit";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @enum {string} */
                                action: "flag" | "hold" | "block";
                                appliesTo: ("transfer" | "bill_payment" | "withdrawal")[];
                                /** Format: date-time */
                                createdAt?: string;
                                createdBy?: string | null;
                                /** @description ISO 4217 code */
                                currency: string;
                                /** Format: date-time */
                                effectiveFrom: string;
                                enabled: boolean;
                                id: string;
                                /** @description This version applies now */
                                inForce: boolean;
                                key: string;
                                /** @description By type: velocity_count {count, minutes}; velocity_amount {amount, minutes}; single_amount {amount}; new_recipient_amount {amount}; new_recipients_per_day {count}; new_device_large_debit {amount, minutes}. Amounts are minor units; every threshold is "more than". */
                                params: {
                                    /** @description Minor units (kobo for NGN) */
                                    amount: number;
                                    count: number;
                                    minutes: number;
                                };
                                reason?: string;
                                /** @enum {string} */
                                type: "velocity_count" | "velocity_amount" | "single_amount" | "new_recipient_amount" | "new_recipients_per_day" | "new_device_large_debit";
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field, invalid_risk_rule */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One search across deposits, transfers, bill payments, withdrawals and disputes: by reference, person (name, email, phone), account, meter, amount and date; newest first, keyset-paginated */
        get: {
            parameters: {
                query?: {
                    /** @description Exact, minor units */
                    amount?: number;
                    cursor?: string;
                    from?: string;
                    limit?: number;
                    /** @description Reference, id, tracking number, account, meter, or a person */
                    q?: string;
                    to?: string;
                    type?: "deposit" | "transfer" | "bill_payment" | "withdrawal" | "dispute";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                /** Format: date-time */
                                at: string;
                                currency: string;
                                detail: string;
                                id: string;
                                reference: string;
                                status: string;
                                /** @enum {string} */
                                type: "deposit" | "transfer" | "bill_payment" | "withdrawal" | "dispute";
                                userId: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, invalid_cursor */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/search/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same search as CSV, newest first, at most 5000 rows (read page by page) */
        get: {
            parameters: {
                query?: {
                    /** @description Exact, minor units */
                    amount?: number;
                    cursor?: string;
                    from?: string;
                    limit?: number;
                    /** @description Reference, id, tracking number, account, meter, or a person */
                    q?: string;
                    to?: string;
                    type?: "deposit" | "transfer" | "bill_payment" | "withdrawal" | "dispute";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Problem document; code is one of: validation_failed, invalid_cursor */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/settlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Settlement statements per provider and Africa/Lagos day, newest first (default the last 7 days; at most 92): closed days as stored, the others provisional */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    provider?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Minor units (kobo for NGN) */
                                actualCommission: number;
                                closedAt: string | null;
                                commissionMismatchCount: number;
                                currency: string;
                                day: string;
                                deliveredCount: number;
                                /** @description Minor units (kobo for NGN) */
                                deliveredGross: number;
                                /** @description Minor units (kobo) */
                                drift: number | null;
                                /** @description Minor units (kobo for NGN) */
                                expectedCommission: number;
                                /** @description Minor units (kobo for NGN) */
                                floatClosing: number;
                                /** @description Minor units (kobo for NGN) */
                                floatOpening: number;
                                /** @description Minor units (kobo for NGN) */
                                floatTopups: number;
                                id: string;
                                /** @description Minor units (kobo for NGN) */
                                netOwed: number;
                                provider: string;
                                reversedCount: number;
                                /** @description Minor units (kobo for NGN) */
                                reversedGross: number;
                                /** @enum {string} */
                                status: "open" | "closed";
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: bad_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/settlements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One settlement statement (`<provider>:<YYYY-MM-DD>`) with the deliveries whose commission differed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            actualCommission: number;
                            closedAt: string | null;
                            commissionMismatchCount: number;
                            currency: string;
                            day: string;
                            deliveredCount: number;
                            /** @description Minor units (kobo for NGN) */
                            deliveredGross: number;
                            /** @description Minor units (kobo) */
                            drift: number | null;
                            /** @description Minor units (kobo for NGN) */
                            expectedCommission: number;
                            /** @description Minor units (kobo for NGN) */
                            floatClosing: number;
                            /** @description Minor units (kobo for NGN) */
                            floatOpening: number;
                            /** @description Minor units (kobo for NGN) */
                            floatTopups: number;
                            id: string;
                            mismatches: {
                                /** @description Minor units (kobo) */
                                actual: number | null;
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                deliveredAt: string;
                                /** @description Minor units (kobo for NGN) */
                                expected: number;
                                paymentId: string;
                                providerRef: string;
                            }[];
                            /** @description Minor units (kobo for NGN) */
                            netOwed: number;
                            provider: string;
                            reversedCount: number;
                            /** @description Minor units (kobo for NGN) */
                            reversedGross: number;
                            /** @enum {string} */
                            status: "open" | "closed";
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/settlements/{id}/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One settlement statement as CSV (amounts in minor units) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/settlements/gateway": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gateway settlement per Africa/Lagos day, newest first (default the last 7 days; at most 92): card and bank-transfer deposits captured, the gateway's fees by its rule table, the payout expected to our bank */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                cardCount: number;
                                /** @description Minor units (kobo for NGN) */
                                cardFees: number;
                                /** @description Minor units (kobo for NGN) */
                                cardGross: number;
                                closedAt: string | null;
                                currency: string;
                                day: string;
                                /** @description Minor units (kobo for NGN) */
                                feesTotal: number;
                                id: string;
                                /** @description Minor units (kobo for NGN) */
                                payoutExpected: number;
                                /** @enum {string} */
                                status: "open" | "closed";
                                transferCount: number;
                                /** @description Minor units (kobo for NGN) */
                                transferFees: number;
                                /** @description Minor units (kobo for NGN) */
                                transferGross: number;
                                truncated: boolean;
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: bad_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/settlements/gateway/{day}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One gateway settlement day (YYYY-MM-DD, Africa/Lagos) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    day: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cardCount: number;
                            /** @description Minor units (kobo for NGN) */
                            cardFees: number;
                            /** @description Minor units (kobo for NGN) */
                            cardGross: number;
                            closedAt: string | null;
                            currency: string;
                            day: string;
                            /** @description Minor units (kobo for NGN) */
                            feesTotal: number;
                            id: string;
                            /** @description Minor units (kobo for NGN) */
                            payoutExpected: number;
                            /** @enum {string} */
                            status: "open" | "closed";
                            transferCount: number;
                            /** @description Minor units (kobo for NGN) */
                            transferFees: number;
                            /** @description Minor units (kobo for NGN) */
                            transferGross: number;
                            truncated: boolean;
                        };
                    };
                };
                /** @description Problem document; code is one of: bad_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/settlements/gateway/{day}/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One gateway settlement day as CSV (amounts in minor units) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    day: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Problem document; code is one of: bad_request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search users by email, name, phone or id; `staff=true`: staff only (support, operators, admins) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    q?: string;
                    staff?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** @description The email was proven by a verification link */
                                emailVerified?: boolean;
                                fullName: string;
                                /** @description A transaction PIN is set; until it is, money-moving requests with a session answer pin_not_set */
                                hasPin?: boolean;
                                /** Format: uuid */
                                id: string;
                                /** @description E.164 */
                                phone: string | null;
                                /** @description The phone was proven by a one-time code */
                                phoneVerified?: boolean;
                                /** @description This user’s own code, to invite others */
                                referralCode: string;
                                /** @description Id of the user who referred this one */
                                referredBy?: string | null;
                                /** @enum {string} */
                                role: "customer" | "support" | "operator" | "admin";
                                /** @enum {string} */
                                status: "active" | "frozen";
                                /** Format: date-time */
                                updatedAt?: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field, invalid_cursor */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** @description The email was proven by a verification link */
                            emailVerified?: boolean;
                            fullName: string;
                            /** @description A transaction PIN is set; until it is, money-moving requests with a session answer pin_not_set */
                            hasPin?: boolean;
                            /** Format: uuid */
                            id: string;
                            /** @description E.164 */
                            phone: string | null;
                            /** @description The phone was proven by a one-time code */
                            phoneVerified?: boolean;
                            /** @description This user’s own code, to invite others */
                            referralCode: string;
                            /** @description Id of the user who referred this one */
                            referredBy?: string | null;
                            /** @enum {string} */
                            role: "customer" | "support" | "operator" | "admin";
                            /** @enum {string} */
                            status: "active" | "frozen";
                            /** Format: date-time */
                            updatedAt?: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/freeze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Freeze a user: ends their sessions and blocks login (audited)
         * @description Operators may act on customers only; an admin on anyone but themselves.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** @description The email was proven by a verification link */
                            emailVerified?: boolean;
                            fullName: string;
                            /** @description A transaction PIN is set; until it is, money-moving requests with a session answer pin_not_set */
                            hasPin?: boolean;
                            /** Format: uuid */
                            id: string;
                            /** @description E.164 */
                            phone: string | null;
                            /** @description The phone was proven by a one-time code */
                            phoneVerified?: boolean;
                            /** @description This user’s own code, to invite others */
                            referralCode: string;
                            /** @description Id of the user who referred this one */
                            referredBy?: string | null;
                            /** @enum {string} */
                            role: "customer" | "support" | "operator" | "admin";
                            /** @enum {string} */
                            status: "active" | "frozen";
                            /** Format: date-time */
                            updatedAt?: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: cannot_target_self */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/funding-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's bank account numbers (dedicated accounts) and their status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                accountName: string | null;
                                /** @description 10 digits (NUBAN) */
                                accountNumber: string | null;
                                /** Format: date-time */
                                assignedAt: string | null;
                                bankName: string | null;
                                /** @description ISO 4217 code */
                                currency: string;
                                /** @description Whether the account tier allows one now */
                                eligible: boolean;
                                failureReason: string | null;
                                /**
                                 * @description none: never requested; pending: being assigned; failed: the provider refused (ask again)
                                 * @enum {string}
                                 */
                                status: "none" | "pending" | "assigned" | "failed";
                                /** Format: uuid */
                                walletId: string;
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/kyc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A person's KYC: tier, BVN/NIN verified (last four only), tier-3 requests with documents and decisions, limits use per wallet currency
         * @description Support staff may read.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The BVN: never the full number */
                            bvn: {
                                /** @description Its last four digits; null: not verified */
                                last4: string | null;
                                /** Format: date-time */
                                verifiedAt: string | null;
                            };
                            /** @description The NIN: never the full number */
                            nin: {
                                /** @description Its last four digits; null: not verified */
                                last4: string | null;
                                /** Format: date-time */
                                verifiedAt: string | null;
                            };
                            /** @description Post-no-debit on the person */
                            pnd: boolean;
                            pndReason: string | null;
                            /** @description Tier-3 requests, newest first, with the document submitted and the decision */
                            reviews: {
                                address: string;
                                /** Format: date-time */
                                decidedAt: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @description Masked to its last four characters */
                                idNumber: string;
                                /** @enum {string} */
                                idType: "passport" | "drivers_licence" | "voters_card" | "national_id";
                                reason: string | null;
                                /** @description Who decided; null while pending */
                                reviewer: {
                                    email: string;
                                    fullName: string;
                                    /** Format: uuid */
                                    id: string;
                                } | null;
                                reviewerId: string | null;
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected";
                                /** Format: date-time */
                                submittedAt: string;
                                /** Format: uuid */
                                userId: string;
                            }[];
                            /** @enum {string} */
                            status: "active" | "post_no_debit" | "review_pending";
                            /** @enum {integer} */
                            tier: 1 | 2 | 3;
                            /** Format: uuid */
                            userId: string;
                            /** @description Per currency of the person's wallets: the tier's limits, today's use and what is held */
                            wallets: {
                                /** @description ISO 4217 code */
                                currency: string;
                                /** @description Posted balance of their wallets in this currency */
                                held: number;
                                /** @description null: this currency is not allowed at this tier */
                                limits: {
                                    /** @description Minor units (kobo for NGN) */
                                    dailyDebitLimit: number;
                                    /** Format: date-time */
                                    effectiveFrom: string;
                                    /** @description Minor units; null = no maximum */
                                    maxBalance: number | null;
                                    /** @description Minor units (kobo for NGN) */
                                    singleDepositLimit: number;
                                    /** @description Minor units (kobo for NGN) */
                                    singleTransactionLimit: number;
                                } | null;
                                usage: {
                                    /** @description Room below the maximum balance; null = no maximum */
                                    balanceHeadroom: number | null;
                                    /** @description Debits today (Africa/Lagos day), minor units */
                                    dailyDebitUsed: number;
                                    /**
                                     * Format: date-time
                                     * @description Next midnight in Lagos
                                     */
                                    resetsAt: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/pnd": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set or lift post-no-debit on a user: money may come in, none may go out (audited)
         * @description Operators may act on customers only; an admin on anyone but themselves.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        on: boolean;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pnd: boolean;
                            pndReason: string | null;
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: cannot_target_self */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a user’s role (admin only, audited)
         * @description Demoting to customer revokes the user’s API keys.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                        /** @enum {string} */
                        role: "customer" | "support" | "operator" | "admin";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** @description The email was proven by a verification link */
                            emailVerified?: boolean;
                            fullName: string;
                            /** @description A transaction PIN is set; until it is, money-moving requests with a session answer pin_not_set */
                            hasPin?: boolean;
                            /** Format: uuid */
                            id: string;
                            /** @description E.164 */
                            phone: string | null;
                            /** @description The phone was proven by a one-time code */
                            phoneVerified?: boolean;
                            /** @description This user’s own code, to invite others */
                            referralCode: string;
                            /** @description Id of the user who referred this one */
                            referredBy?: string | null;
                            /** @enum {string} */
                            role: "customer" | "support" | "operator" | "admin";
                            /** @enum {string} */
                            status: "active" | "frozen";
                            /** Format: date-time */
                            updatedAt?: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: cannot_target_self */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A person's login sessions, active and ended: device, address, last seen, why it ended
         * @description Newest first; at most 100. Support staff may read.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Neither ended nor expired */
                                active: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description Parsed from the User-Agent, e.g. "Chrome on macOS" */
                                device: string;
                                /** Format: date-time */
                                expiresAt: string;
                                /** Format: uuid */
                                id: string;
                                /** @description The address the session was started from */
                                ip: string | null;
                                /**
                                 * Format: date-time
                                 * @description Brought up to date at most once a minute
                                 */
                                lastSeenAt: string;
                                /**
                                 * Format: date-time
                                 * @description When it was ended; null while it runs or once expired
                                 */
                                revokedAt: string | null;
                                /** @description Why it ended: logout, remote, password, frozen, reuse (a refresh token replayed) or admin */
                                revokedReason: string | null;
                                userAgent: string | null;
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End one of a person's sessions (operators and admins, audited)
         * @description Its access tokens stop working at once in every API process and its refresh token is refused. Operators may end customers’ sessions only; an admin anyone’s but their own. Ending one that already ended answers 204 and records nothing.
         */
        delete: {
            parameters: {
                query?: {
                    reason?: string;
                };
                header?: never;
                path: {
                    id: string;
                    sessionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ended */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: cannot_target_self */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/unfreeze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unfreeze a user (audited)
         * @description Operators may act on customers only; an admin on anyone but themselves.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** @description The email was proven by a verification link */
                            emailVerified?: boolean;
                            fullName: string;
                            /** @description A transaction PIN is set; until it is, money-moving requests with a session answer pin_not_set */
                            hasPin?: boolean;
                            /** Format: uuid */
                            id: string;
                            /** @description E.164 */
                            phone: string | null;
                            /** @description The phone was proven by a one-time code */
                            phoneVerified?: boolean;
                            /** @description This user’s own code, to invite others */
                            referralCode: string;
                            /** @description Id of the user who referred this one */
                            referredBy?: string | null;
                            /** @enum {string} */
                            role: "customer" | "support" | "operator" | "admin";
                            /** @enum {string} */
                            status: "active" | "frozen";
                            /** Format: date-time */
                            updatedAt?: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: cannot_target_self */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/wallets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's wallets with balances */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Minor units (kobo for NGN) */
                                available: number;
                                /** @description Minor units (kobo for NGN) */
                                balance: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description ISO 4217 code */
                                currency: string;
                                /** @description Minor units (kobo for NGN) */
                                held: number;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                status: "active" | "frozen" | "closed";
                                /**
                                 * Format: uuid
                                 * @description The owner's user id
                                 */
                                userId: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/wallets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Any wallet */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            available: number;
                            /** @description Minor units (kobo for NGN) */
                            balance: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            /** @description Minor units (kobo for NGN) */
                            held: number;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "active" | "frozen" | "closed";
                            /**
                             * Format: uuid
                             * @description The owner's user id
                             */
                            userId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/wallets/{id}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Manual refund (credit: suspense -> wallet) or correction (debit: wallet -> suspense) with a reason; one ledger transaction, audited with it; Idempotency-Key; above ADJUSTMENT_ADMIN_ABOVE admins only */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required: a unique key (a UUID) per money-moving request; a retry reuses it */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: number;
                        /** @enum {string} */
                        direction: "credit" | "debit";
                        reason: string;
                        /** Format: uuid */
                        relatedId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            currency: string;
                            /** @enum {string} */
                            direction: "credit" | "debit";
                            id: string;
                            reason: string;
                            relatedId: string | null;
                            userId: string;
                            walletId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: adjustment_needs_admin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: insufficient_funds, wallet_frozen, wallet_closed, idempotency_key_reused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/wallets/{id}/freeze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Freeze one wallet: no money in or out until it is unfrozen (audited)
         * @description Only an active wallet; the reason goes to the audit log.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            available: number;
                            /** @description Minor units (kobo for NGN) */
                            balance: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            /** @description Minor units (kobo for NGN) */
                            held: number;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "active" | "frozen" | "closed";
                            /**
                             * Format: uuid
                             * @description The owner's user id
                             */
                            userId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: wallet_not_active */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/wallets/{id}/pnd": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set or lift post-no-debit on one wallet: it may receive, nothing may leave it (audited)
         * @description The person may still use their other wallets. Operators may act on customers only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        on: boolean;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pnd: boolean;
                            pndReason: string | null;
                            /** Format: uuid */
                            userId: string;
                            /** Format: uuid */
                            walletId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: cannot_target_self */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/wallets/{id}/unfreeze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unfreeze a frozen wallet (audited)
         * @description Only a frozen wallet; a closed wallet stays closed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            available: number;
                            /** @description Minor units (kobo for NGN) */
                            balance: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            /** @description Minor units (kobo for NGN) */
                            held: number;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "active" | "frozen" | "closed";
                            /**
                             * Format: uuid
                             * @description The owner's user id
                             */
                            userId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: wallet_not_frozen */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/withdrawals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payouts (withdrawals to a bank) newest first, optionally in one state; 100 a page at most */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    status?: "pending_review" | "pending" | "processing" | "succeeded" | "failed" | "needs_review" | "reversed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                accountName: string;
                                accountNumber: string;
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                bankCode: string;
                                caseId: string;
                                createdAt: string;
                                /** @description ISO 4217 code */
                                currency: string;
                                failureReason: string | null;
                                /** @description Minor units (kobo for NGN) */
                                fee: number;
                                /** Format: uuid */
                                id: string;
                                narration: string;
                                reference: string;
                                sentAt: string | null;
                                /** @enum {string} */
                                status: "pending_review" | "pending" | "processing" | "succeeded" | "failed" | "needs_review" | "reversed";
                                timeline: {
                                    at: string;
                                    reason: string;
                                    status: string;
                                }[];
                                /** @description Minor units (kobo for NGN) */
                                total: number;
                                updatedAt: string;
                                userId: string;
                                /** Format: uuid */
                                walletId: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem document; code is one of: invalid_cursor */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/withdrawals/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify a payout with the provider now: a definite answer is applied at once (success posts the hold, failure voids it, a reversal after success refunds); audit-logged */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            provider: {
                                message: string | null;
                                /** @enum {string} */
                                outcome: "success" | "failed" | "pending" | "unknown" | "not_found" | "reversed";
                            };
                            withdrawal: {
                                accountName: string;
                                accountNumber: string;
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                bankCode: string;
                                caseId: string;
                                createdAt: string;
                                /** @description ISO 4217 code */
                                currency: string;
                                failureReason: string | null;
                                /** @description Minor units (kobo for NGN) */
                                fee: number;
                                /** Format: uuid */
                                id: string;
                                narration: string;
                                reference: string;
                                sentAt: string | null;
                                /** @enum {string} */
                                status: "pending_review" | "pending" | "processing" | "succeeded" | "failed" | "needs_review" | "reversed";
                                timeline: {
                                    at: string;
                                    reason: string;
                                    status: string;
                                }[];
                                /** @description Minor units (kobo for NGN) */
                                total: number;
                                updatedAt: string;
                                userId: string;
                                /** Format: uuid */
                                walletId: string;
                            };
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/email/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify your email with the link’s token
         * @description No login needed: the token is the credential. It works once, for the address it was sent to.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Email verified */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field, invalid_verification_token, verification_token_expired */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with email and password
         * @description Throttled over 15 minutes: after 5 failures on an account from one address, or 20 from one address, that address waits 30 s, doubling with each further failure (up to 15 min): 429 too_many_attempts with Retry-After. An address that logged in to the account before is never held back by failures from elsewhere; other addresses also wait once failures on the account come from 5 addresses.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description HS256 JWT, valid for expiresIn seconds */
                            accessToken: string;
                            /** @description Access-token lifetime in seconds */
                            expiresIn: number;
                            /** @description Opaque; single use (each refresh returns a new one). Also set as the vendra_refresh cookie */
                            refreshToken: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                            user: {
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** @description The email was proven by a verification link */
                                emailVerified?: boolean;
                                fullName: string;
                                /** @description A transaction PIN is set; until it is, money-moving requests with a session answer pin_not_set */
                                hasPin?: boolean;
                                /** Format: uuid */
                                id: string;
                                /** @description E.164 */
                                phone: string | null;
                                /** @description The phone was proven by a one-time code */
                                phoneVerified?: boolean;
                                /** @description This user’s own code, to invite others */
                                referralCode: string;
                                /** @description Id of the user who referred this one */
                                referredBy?: string | null;
                                /** @enum {string} */
                                role: "customer" | "support" | "operator" | "admin";
                                /** @enum {string} */
                                status: "active" | "frozen";
                                /** Format: date-time */
                                updatedAt?: string;
                            };
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: invalid_credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: too_many_attempts, rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the session
         * @description Revokes the session of the refresh token (body or cookie) and of the bearer token, if any, and clears the cookie. Always answers 204.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken?: string;
                    };
                };
            };
            responses: {
                /** @description Logged out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password-reset link by email
         * @description The same 202 whether or not the account exists. A link (valid 30 minutes, single use) goes only to an active account whose email is verified: an unverified email receives nothing. Rate-limited per email address and per client IP.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expiresInMinutes: number;
                            message: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with a reset link’s token
         * @description The password rules of registration. The token works once; every session of the person ends (log in again with the new password), and they are told their password changed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        newPassword: string;
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Password changed; every session ended */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field, invalid_reset_token, reset_token_expired, weak_password */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new token pair
         * @description Send the refresh token in the body or let the browser send the vendra_refresh cookie. Each refresh token works once; presenting a used one ends the whole session (refresh_token_reused).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description HS256 JWT, valid for expiresIn seconds */
                            accessToken: string;
                            /** @description Access-token lifetime in seconds */
                            expiresIn: number;
                            /** @description Opaque; single use (each refresh returns a new one). Also set as the vendra_refresh cookie */
                            refreshToken: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                            user: {
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** @description The email was proven by a verification link */
                                emailVerified?: boolean;
                                fullName: string;
                                /** @description A transaction PIN is set; until it is, money-moving requests with a session answer pin_not_set */
                                hasPin?: boolean;
                                /** Format: uuid */
                                id: string;
                                /** @description E.164 */
                                phone: string | null;
                                /** @description The phone was proven by a one-time code */
                                phoneVerified?: boolean;
                                /** @description This user’s own code, to invite others */
                                referralCode: string;
                                /** @description Id of the user who referred this one */
                                referredBy?: string | null;
                                /** @enum {string} */
                                role: "customer" | "support" | "operator" | "admin";
                                /** @enum {string} */
                                status: "active" | "frozen";
                                /** Format: date-time */
                                updatedAt?: string;
                            };
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: invalid_refresh_token, refresh_token_expired, refresh_token_reused */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a customer account and log in
         * @description The email is case-insensitive; the phone is stored in E.164 (Nigerian 080... is accepted). The password needs at least 10 characters, must not be a common password (1234567890, password123, ...) and must not be the email.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        fullName: string;
                        password: string;
                        phone?: string;
                        referralCode?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description HS256 JWT, valid for expiresIn seconds */
                            accessToken: string;
                            /** @description Access-token lifetime in seconds */
                            expiresIn: number;
                            /** @description Opaque; single use (each refresh returns a new one). Also set as the vendra_refresh cookie */
                            refreshToken: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                            user: {
                                /** Format: date-time */
                                createdAt: string;
                                email: string;
                                /** @description The email was proven by a verification link */
                                emailVerified?: boolean;
                                fullName: string;
                                /** @description A transaction PIN is set; until it is, money-moving requests with a session answer pin_not_set */
                                hasPin?: boolean;
                                /** Format: uuid */
                                id: string;
                                /** @description E.164 */
                                phone: string | null;
                                /** @description The phone was proven by a one-time code */
                                phoneVerified?: boolean;
                                /** @description This user’s own code, to invite others */
                                referralCode: string;
                                /** @description Id of the user who referred this one */
                                referredBy?: string | null;
                                /** @enum {string} */
                                role: "customer" | "support" | "operator" | "admin";
                                /** @enum {string} */
                                status: "active" | "frozen";
                                /** Format: date-time */
                                updatedAt?: string;
                            };
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field, invalid_email, invalid_phone, weak_password, invalid_name, invalid_referral_code */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: email_taken, phone_taken */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/stream-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a 60-second token to open the live event stream
         * @description EventSource cannot send headers: pass this token as ?token= when opening the stream.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expiresIn: number;
                            token: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auto-topup/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My auto top-up rules, each with its recent charges */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Each top-up (minor units) */
                                amount: number;
                                card: {
                                    brand: string;
                                    last4: string;
                                    removed: boolean;
                                } | null;
                                /** Format: uuid */
                                cardId: string;
                                charges: {
                                    /** @description Minor units (kobo for NGN) */
                                    amount: number;
                                    createdAt: string;
                                    /** Format: uuid */
                                    id: string;
                                    reason: string | null;
                                    reference: string;
                                    /** @enum {string} */
                                    status: "pending" | "succeeded" | "failed";
                                }[];
                                createdAt: string;
                                enabled: boolean;
                                /** Format: uuid */
                                id: string;
                                maxPerDay: number;
                                /** @description At most this much a month (minor units) */
                                maxPerMonth: number;
                                /** @description Top up when the available balance falls below this (minor units) */
                                threshold: number;
                                updatedAt: string;
                                /** Format: uuid */
                                walletId: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Top up a wallet from a saved card when it falls below a threshold, at most maxPerDay times a day and maxPerMonth a month (one rule per wallet) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required: a unique key (a UUID) per money-moving request; a retry reuses it */
                    "idempotency-key"?: string;
                    /** @description Required with a login session (never with an API key): your 4-digit transaction PIN */
                    "x-transaction-pin"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Each top-up (minor units) */
                        amount: number;
                        /** Format: uuid */
                        cardId: string;
                        enabled?: boolean;
                        maxPerDay: number;
                        /** @description At most this much a month (minor units) */
                        maxPerMonth: number;
                        /** @description Top up when the available balance falls below this (minor units) */
                        threshold: number;
                        /** Format: uuid */
                        walletId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Each top-up (minor units) */
                            amount: number;
                            card: {
                                brand: string;
                                last4: string;
                                removed: boolean;
                            } | null;
                            /** Format: uuid */
                            cardId: string;
                            charges: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                reason: string | null;
                                reference: string;
                                /** @enum {string} */
                                status: "pending" | "succeeded" | "failed";
                            }[];
                            createdAt: string;
                            enabled: boolean;
                            /** Format: uuid */
                            id: string;
                            maxPerDay: number;
                            /** @description At most this much a month (minor units) */
                            maxPerMonth: number;
                            /** @description Top up when the available balance falls below this (minor units) */
                            threshold: number;
                            updatedAt: string;
                            /** Format: uuid */
                            walletId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: invalid_auto_topup_rule, unsupported_currency */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: pin_required, pin_not_set, pin_invalid */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: auto_topup_rule_exists */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: pin_locked */
                423: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auto-topup/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop auto top-up for a wallet */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an auto top-up rule (card, threshold, amount, caps, on/off) */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required: a unique key (a UUID) per money-moving request; a retry reuses it */
                    "idempotency-key"?: string;
                    /** @description Required with a login session (never with an API key): your 4-digit transaction PIN */
                    "x-transaction-pin"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Each top-up (minor units) */
                        amount?: number;
                        /** Format: uuid */
                        cardId?: string;
                        enabled?: boolean;
                        maxPerDay?: number;
                        /** @description At most this much a month (minor units) */
                        maxPerMonth?: number;
                        /** @description Top up when the available balance falls below this (minor units) */
                        threshold?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Each top-up (minor units) */
                            amount: number;
                            card: {
                                brand: string;
                                last4: string;
                                removed: boolean;
                            } | null;
                            /** Format: uuid */
                            cardId: string;
                            charges: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                reason: string | null;
                                reference: string;
                                /** @enum {string} */
                                status: "pending" | "succeeded" | "failed";
                            }[];
                            createdAt: string;
                            enabled: boolean;
                            /** Format: uuid */
                            id: string;
                            maxPerDay: number;
                            /** @description At most this much a month (minor units) */
                            maxPerMonth: number;
                            /** @description Top up when the available balance falls below this (minor units) */
                            threshold: number;
                            updatedAt: string;
                            /** Format: uuid */
                            walletId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: invalid_auto_topup_rule, unsupported_currency */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: pin_required, pin_not_set, pin_invalid */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: auto_topup_rule_exists */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: pin_locked */
                423: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/banks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Banks a withdrawal can go to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                code: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: bank_unavailable, withdrawals_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/beneficiaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My saved recipients and bank accounts, newest first (at most 50) */
        get: {
            parameters: {
                query?: {
                    kind?: "wallet" | "bank";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                accountNumber: string | null;
                                bankCode: string | null;
                                bankName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "wallet" | "bank";
                                /** @description As the recipient resolution or the bank gave it when saved */
                                name: string;
                                nickname: string | null;
                                /** @description wallet: how the person was named, to pass as a transfer's `to` */
                                to: {
                                    email: string;
                                    phone: string;
                                    walletId: string;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Save a person (email, phone or wallet id) or a bank account, with the name resolved now; saving one again answers the saved one (200) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /** @enum {string} */
                        kind: "wallet";
                        nickname?: string;
                    } | {
                        /** @enum {string} */
                        kind: "wallet";
                        nickname?: string;
                        phone: string;
                    } | {
                        /** @enum {string} */
                        kind: "wallet";
                        nickname?: string;
                        /** Format: uuid */
                        walletId: string;
                    } | {
                        accountNumber: string;
                        bankCode: string;
                        /** @enum {string} */
                        kind: "bank";
                        nickname?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountNumber: string | null;
                            bankCode: string | null;
                            bankName: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "wallet" | "bank";
                            /** @description As the recipient resolution or the bank gave it when saved */
                            name: string;
                            nickname: string | null;
                            /** @description wallet: how the person was named, to pass as a transfer's `to` */
                            to: {
                                email: string;
                                phone: string;
                                walletId: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountNumber: string | null;
                            bankCode: string | null;
                            bankName: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "wallet" | "bank";
                            /** @description As the recipient resolution or the bank gave it when saved */
                            name: string;
                            nickname: string | null;
                            /** @description wallet: how the person was named, to pass as a transfer's `to` */
                            to: {
                                email: string;
                                phone: string;
                                walletId: string;
                            } | null;
                        };
                    };
                };
                /** @description Problem document; code is one of: invalid_phone */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: recipient_not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: too_many_beneficiaries */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: self_transfer, unknown_bank, account_not_resolved */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: bank_unavailable, withdrawals_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/beneficiaries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a saved beneficiary */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a saved beneficiary (null clears the nickname) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nickname: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountNumber: string | null;
                            bankCode: string | null;
                            bankName: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "wallet" | "bank";
                            /** @description As the recipient resolution or the bank gave it when saved */
                            name: string;
                            nickname: string | null;
                            /** @description wallet: how the person was named, to pass as a transfer's `to` */
                            to: {
                                email: string;
                                phone: string;
                                walletId: string;
                            } | null;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/bill-payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's bill payments, newest first, with filters */
        get: {
            parameters: {
                query?: {
                    billerId?: string;
                    cursor?: string;
                    from?: string;
                    limit?: number;
                    status?: "pending" | "processing" | "succeeded" | "failed" | "reversed" | "needs_review";
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                billerId: string;
                                billerName: string;
                                category: string | null;
                                createdAt: string;
                                currency: string;
                                customerName: string | null;
                                customerRef: string;
                                /** @description Why it did not go through. A customer reads it in plain words; the provider's code and message are in the operator view */
                                failureReason: string | null;
                                /** @description Minor units (kobo for NGN) */
                                fee: number;
                                finalizedAt: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @description The phone number given on the payment (E.164): the token is texted to it */
                                phone: string | null;
                                productCode: string;
                                providerReference: string;
                                receipt: {
                                    [key: string]: unknown;
                                } | null;
                                /** @enum {string} */
                                status: "pending" | "processing" | "succeeded" | "failed" | "reversed" | "needs_review";
                                timeline: {
                                    at: string;
                                    /** @description Operator view only; null for the customer */
                                    reason: string | null;
                                    status: string;
                                }[];
                                token: string | null;
                                /** @description Minor units (kobo for NGN) */
                                total: number;
                                units: string | null;
                                updatedAt: string;
                                /** Format: uuid */
                                walletId: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Pay a bill from a wallet: 202 pending; the worker vends and the status moves to succeeded, failed, reversed or needs_review */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required: a unique key (a UUID) per money-moving request; a retry reuses it */
                    "idempotency-key"?: string;
                    /** @description Required with a login session (never with an API key): your 4-digit transaction PIN */
                    "x-transaction-pin"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Amount in minor units (kobo for NGN), a JSON integer */
                        amount: number;
                        billerId: string;
                        customerName?: string;
                        /** @description Meter, phone or smartcard number (digits) */
                        customerRef: string;
                        /** Format: email */
                        email?: string;
                        /** @description A Nigerian mobile number (08012345678 or +2348012345678): the token is texted to it (else to your verified phone); VTpass gets it as the customer phone */
                        phone?: string;
                        productCode: string;
                        /** Format: uuid */
                        walletId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            currency: string;
                            /** @description Minor units (kobo for NGN) */
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            status: string;
                            /** @description Minor units (kobo for NGN) */
                            total: number;
                        };
                    };
                };
                /** @description Problem document; code is one of: idempotency_key_required, invalid_idempotency_key, invalid_amount, invalid_customer_ref, unknown_field, validation_failed, unsupported_currency */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: kyc_required, risk_blocked, pin_required, pin_not_set, pin_invalid */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found, biller_not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: request_in_progress, price_changed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: limit_exceeded, insufficient_funds, amount_out_of_range, amount_mismatch, product_not_found, product_disabled, biller_disabled, wallet_frozen, wallet_closed, idempotency_key_reused */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: pin_locked */
                423: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: providers_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bill-payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A bill payment: status, amount, fee, total, token, units, receipt and its timeline */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            billerId: string;
                            billerName: string;
                            category: string | null;
                            createdAt: string;
                            currency: string;
                            customerName: string | null;
                            customerRef: string;
                            /** @description Why it did not go through. A customer reads it in plain words; the provider's code and message are in the operator view */
                            failureReason: string | null;
                            /** @description Minor units (kobo for NGN) */
                            fee: number;
                            finalizedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @description The phone number given on the payment (E.164): the token is texted to it */
                            phone: string | null;
                            productCode: string;
                            providerReference: string;
                            receipt: {
                                [key: string]: unknown;
                            } | null;
                            /** @enum {string} */
                            status: "pending" | "processing" | "succeeded" | "failed" | "reversed" | "needs_review";
                            timeline: {
                                at: string;
                                /** @description Operator view only; null for the customer */
                                reason: string | null;
                                status: string;
                            }[];
                            token: string | null;
                            /** @description Minor units (kobo for NGN) */
                            total: number;
                            units: string | null;
                            updatedAt: string;
                            /** Format: uuid */
                            walletId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bill-payments/{id}/resend-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the token again, to the account's own email; at most 3 times per payment per hour */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sent: boolean;
                            to: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: email_unverified */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: no_token */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited, rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bill-payments/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The fee and total for paying an amount, before confirming */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Amount in minor units (kobo for NGN), a JSON integer */
                        amount: number;
                        billerId: string;
                        productCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            currency: string;
                            /** @description Minor units (kobo for NGN) */
                            fee: number;
                            /** @description Minor units (kobo for NGN) */
                            total: number;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, invalid_amount */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: biller_not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: price_changed */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: biller_disabled, product_not_found, product_disabled, amount_out_of_range, amount_mismatch */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bill catalogue: electricity (prepaid and postpaid per DisCo), airtime, data, cable TV */
        get: {
            parameters: {
                query?: {
                    category?: "electricity" | "water" | "gas" | "internet" | "cable" | "airtime" | "data" | "education";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @enum {string} */
                                category: "electricity" | "water" | "gas" | "internet" | "cable" | "airtime" | "data" | "education";
                                commissionBps: number;
                                /** @description Minor units (kobo for NGN) */
                                commissionFlat: number;
                                /** @enum {string} */
                                commissionType: "percent" | "flat";
                                customerRefLabel: string;
                                enabled: boolean;
                                fee: {
                                    /** @description Minor units (kobo for NGN) */
                                    cap: number;
                                    /** @description Minor units (kobo for NGN) */
                                    flat: number;
                                    percentBps: number;
                                    type: string;
                                };
                                id: string;
                                /** @description Minor units (kobo for NGN) */
                                maxAmount: number;
                                /** @description Minor units (kobo for NGN) */
                                minAmount: number;
                                name: string;
                                products: {
                                    code: string;
                                    fixedAmount: number | null;
                                    kind: string;
                                    /** @description Minor units (kobo for NGN) */
                                    maxAmount: number;
                                    /** @description Minor units (kobo for NGN) */
                                    minAmount: number;
                                    name: string;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One biller with its products, amount limits and fee */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            category: "electricity" | "water" | "gas" | "internet" | "cable" | "airtime" | "data" | "education";
                            commissionBps: number;
                            /** @description Minor units (kobo for NGN) */
                            commissionFlat: number;
                            /** @enum {string} */
                            commissionType: "percent" | "flat";
                            customerRefLabel: string;
                            enabled: boolean;
                            fee: {
                                /** @description Minor units (kobo for NGN) */
                                cap: number;
                                /** @description Minor units (kobo for NGN) */
                                flat: number;
                                percentBps: number;
                                type: string;
                            };
                            id: string;
                            /** @description Minor units (kobo for NGN) */
                            maxAmount: number;
                            /** @description Minor units (kobo for NGN) */
                            minAmount: number;
                            name: string;
                            products: {
                                code: string;
                                fixedAmount: number | null;
                                kind: string;
                                /** @description Minor units (kobo for NGN) */
                                maxAmount: number;
                                /** @description Minor units (kobo for NGN) */
                                minAmount: number;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: biller_not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billers/{id}/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Who is this meter / phone / smartcard? Name, address, meter type, minimum amount, arrears, can vend */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Meter, phone or smartcard number (digits) */
                        customerRef: string;
                        productCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string | null;
                            arrears: number | null;
                            canVend: boolean;
                            customerName: string;
                            meterType: string | null;
                            minimumAmount: number | null;
                        };
                    };
                };
                /** @description Problem document; code is one of: invalid_customer_ref, validation_failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: biller_not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: customer_not_found, product_not_found, product_disabled, biller_disabled */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: providers_unavailable, validation_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bills/due": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bills due on the caller's linked accounts, by due date, with totals per currency (cached; the provider is not called while fresh) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Minor units (kobo for NGN) */
                                amountDue: number;
                                billerId: string;
                                billerName: string;
                                billReference: string;
                                category: string;
                                currency: string;
                                customerName: string;
                                customerRef: string;
                                /** Format: date */
                                dueDate: string;
                                fetchedAt: string;
                                /** Format: uuid */
                                linkedAccountId: string;
                                nickname: string;
                                paymentId: string | null;
                                paymentStatus: string | null;
                                period: string | null;
                                productCode: string;
                            }[];
                            totals: {
                                /** @description Minor units (kobo for NGN) */
                                amountDue: number;
                                currency: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bills/due/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pay several bills due as one request: all holds placed together or none; 202 with each payment, then each vends on its own */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required: a unique key (a UUID) per money-moving request; a retry reuses it */
                    "idempotency-key"?: string;
                    /** @description Required with a login session (never with an API key): your 4-digit transaction PIN */
                    "x-transaction-pin"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        billReferences: string[];
                        /** Format: uuid */
                        walletId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                billReference: string;
                                /** Format: uuid */
                                linkedAccountId: string;
                                payment: {
                                    /** @description Minor units (kobo for NGN) */
                                    amount: number;
                                    currency: string;
                                    /** @description Minor units (kobo for NGN) */
                                    fee: number;
                                    /** Format: uuid */
                                    id: string;
                                    status: string;
                                    /** @description Minor units (kobo for NGN) */
                                    total: number;
                                };
                            }[];
                            totals: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                currency: string;
                                /** @description Minor units (kobo for NGN) */
                                fee: number;
                                /** @description Minor units (kobo for NGN) */
                                total: number;
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: idempotency_key_required, invalid_idempotency_key, validation_failed, unknown_field, unsupported_currency */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: kyc_required, risk_blocked, pin_required, pin_not_set, pin_invalid */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found, bill_not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: bill_already_paid, request_in_progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: idempotency_key_reused, limit_exceeded, insufficient_funds, amount_out_of_range, biller_disabled, product_disabled, wallet_frozen, wallet_closed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: pin_locked */
                423: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: providers_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bills/due/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fetch the bills of every linked account from the providers now (rate-limited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at: string;
                            failed: string[];
                            fetched: number;
                        };
                    };
                };
                /** @description Problem document; code is one of: rate_limited, rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bills/due/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many days before a due date the caller is reminded */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            daysBefore: number;
                            enabled: boolean;
                        };
                    };
                };
            };
        };
        /** Set the reminder: days before a due date (0-30), on or off */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        daysBefore?: number;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            daysBefore: number;
                            enabled: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The campaigns running now (what a payment or deposit can earn) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                categories: string[];
                                /** @description ISO 4217 code */
                                currency: string;
                                description: string;
                                /** @description cashback_percent: bps of the amount (200 = 2%) capped at cap (0: none); flat: amount; referral: referrer and referee bonuses */
                                effect: {
                                    amount?: number;
                                    bps?: number;
                                    cap?: number;
                                    referee?: number;
                                    referrer?: number;
                                    /** @enum {string} */
                                    type: "cashback_percent" | "flat" | "referral";
                                };
                                endsAt: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                startsAt: string | null;
                                /** @enum {string} */
                                status: "draft" | "active" | "paused" | "ended";
                                /** @enum {string} */
                                trigger: "bill_payment.succeeded" | "first_deposit" | "referral_first_payment";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My saved cards (from a card deposit: the gateway’s reusable authorization), last4 and brand only */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                bank: string;
                                brand: string;
                                createdAt: string;
                                expMonth: string;
                                expYear: string;
                                /** Format: uuid */
                                id: string;
                                last4: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a saved card (an auto top-up rule charging it is switched off) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deposits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A deposit and its status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            checkoutUrl: string;
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            /** Format: uuid */
                            id: string;
                            reference: string;
                            /** @enum {string} */
                            status: "pending" | "succeeded" | "failed" | "flagged";
                            /** Format: uuid */
                            walletId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My disputes, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    overdue?: boolean;
                    status?: "opened" | "under_review" | "resolved_refunded" | "resolved_rejected" | "resolved_delivered" | "withdrawn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                acknowledgedAt: string;
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                createdAt: string;
                                currency: string;
                                description: string;
                                /** @description When the resolution is due (DISPUTE_SLA_DAYS after opening) */
                                dueAt: string;
                                id: string;
                                /** @description Still open past dueAt */
                                overdue: boolean;
                                /** @enum {string} */
                                reason: "token_not_received" | "wrong_amount" | "not_authorised" | "service_not_rendered" | "other";
                                resolutionReason: string | null;
                                resolvedAt: string | null;
                                /** @enum {string} */
                                status: "opened" | "under_review" | "resolved_refunded" | "resolved_rejected" | "resolved_delivered" | "withdrawn";
                                subjectId: string;
                                /** @enum {string} */
                                subjectType: "bill_payment" | "transfer" | "deposit" | "withdrawal";
                                /** @description DSP-<year>-<number>: quote it in any contact */
                                trackingNumber: string;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Report a problem with a bill payment, transfer, deposit or withdrawal: acknowledged at once with a tracking number and the date the resolution is due */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description: string;
                        /** @enum {string} */
                        reason: "token_not_received" | "wrong_amount" | "not_authorised" | "service_not_rendered" | "other";
                        /** Format: uuid */
                        subjectId: string;
                        /** @enum {string} */
                        subjectType: "bill_payment" | "transfer" | "deposit" | "withdrawal";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string;
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            createdAt: string;
                            currency: string;
                            description: string;
                            /** @description When the resolution is due (DISPUTE_SLA_DAYS after opening) */
                            dueAt: string;
                            id: string;
                            /** @description Still open past dueAt */
                            overdue: boolean;
                            /** @enum {string} */
                            reason: "token_not_received" | "wrong_amount" | "not_authorised" | "service_not_rendered" | "other";
                            resolutionReason: string | null;
                            resolvedAt: string | null;
                            /** @enum {string} */
                            status: "opened" | "under_review" | "resolved_refunded" | "resolved_rejected" | "resolved_delivered" | "withdrawn";
                            subjectId: string;
                            /** @enum {string} */
                            subjectType: "bill_payment" | "transfer" | "deposit" | "withdrawal";
                            /** @description DSP-<year>-<number>: quote it in any contact */
                            trackingNumber: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: dispute_already_open */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my disputes with its messages */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string;
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            createdAt: string;
                            currency: string;
                            description: string;
                            /** @description When the resolution is due (DISPUTE_SLA_DAYS after opening) */
                            dueAt: string;
                            id: string;
                            messages: {
                                /** @enum {string} */
                                author: "customer" | "operator" | "system";
                                body: string;
                                createdAt: string;
                                id: string;
                            }[];
                            /** @description Still open past dueAt */
                            overdue: boolean;
                            /** @enum {string} */
                            reason: "token_not_received" | "wrong_amount" | "not_authorised" | "service_not_rendered" | "other";
                            resolutionReason: string | null;
                            resolvedAt: string | null;
                            /** @enum {string} */
                            status: "opened" | "under_review" | "resolved_refunded" | "resolved_rejected" | "resolved_delivered" | "withdrawn";
                            subjectId: string;
                            /** @enum {string} */
                            subjectType: "bill_payment" | "transfer" | "deposit" | "withdrawal";
                            /** @description DSP-<year>-<number>: quote it in any contact */
                            trackingNumber: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a message to my open dispute */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string;
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            createdAt: string;
                            currency: string;
                            description: string;
                            /** @description When the resolution is due (DISPUTE_SLA_DAYS after opening) */
                            dueAt: string;
                            id: string;
                            messages: {
                                /** @enum {string} */
                                author: "customer" | "operator" | "system";
                                body: string;
                                createdAt: string;
                                id: string;
                            }[];
                            /** @description Still open past dueAt */
                            overdue: boolean;
                            /** @enum {string} */
                            reason: "token_not_received" | "wrong_amount" | "not_authorised" | "service_not_rendered" | "other";
                            resolutionReason: string | null;
                            resolvedAt: string | null;
                            /** @enum {string} */
                            status: "opened" | "under_review" | "resolved_refunded" | "resolved_rejected" | "resolved_delivered" | "withdrawn";
                            subjectId: string;
                            /** @enum {string} */
                            subjectType: "bill_payment" | "transfer" | "deposit" | "withdrawal";
                            /** @description DSP-<year>-<number>: quote it in any contact */
                            trackingNumber: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: dispute_not_open */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw my open dispute */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string;
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            createdAt: string;
                            currency: string;
                            description: string;
                            /** @description When the resolution is due (DISPUTE_SLA_DAYS after opening) */
                            dueAt: string;
                            id: string;
                            messages: {
                                /** @enum {string} */
                                author: "customer" | "operator" | "system";
                                body: string;
                                createdAt: string;
                                id: string;
                            }[];
                            /** @description Still open past dueAt */
                            overdue: boolean;
                            /** @enum {string} */
                            reason: "token_not_received" | "wrong_amount" | "not_authorised" | "service_not_rendered" | "other";
                            resolutionReason: string | null;
                            resolvedAt: string | null;
                            /** @enum {string} */
                            status: "opened" | "under_review" | "resolved_refunded" | "resolved_rejected" | "resolved_delivered" | "withdrawn";
                            subjectId: string;
                            /** @enum {string} */
                            subjectType: "bill_payment" | "transfer" | "deposit" | "withdrawal";
                            /** @description DSP-<year>-<number>: quote it in any contact */
                            trackingNumber: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: dispute_not_open */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live events (Server-Sent Events): wallet.balance_updated, transfer.received, deposit.succeeded, withdrawal.updated, bill_payment.updated
         * @description Authenticate with a bearer token, or open with EventSource("/v1/events/stream?token=..."), the token from POST /v1/events/stream-token. Each message is `event: <type>` with the event's JSON data (`{"truncated": true}` means refetch). The stream closes after an hour; EventSource then reconnects (fetch a new token first). The stream ends when its session ends (logout, revocation) or its API key is revoked, and when the user is frozen.
         */
        get: {
            parameters: {
                query?: {
                    token?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Problem document; code is one of: validation_failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: too_many_streams */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/stream-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A short-lived token (60 s) to open the event stream from a browser (EventSource cannot send headers) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expiresIn: number;
                            token: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/linked-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's linked accounts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                address: string | null;
                                billerId: string;
                                billerName: string;
                                billsFetchedAt: string | null;
                                category: string;
                                createdAt: string;
                                customerName: string;
                                customerRef: string;
                                /** Format: uuid */
                                id: string;
                                nickname: string;
                                productCode: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Link a meter or utility account: verified with the provider, its verified name and address kept; at most 20 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        billerId: string;
                        /** @description Meter, phone or smartcard number (digits) */
                        customerRef: string;
                        nickname?: string;
                        productCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string | null;
                            billerId: string;
                            billerName: string;
                            billsFetchedAt: string | null;
                            category: string;
                            createdAt: string;
                            customerName: string;
                            customerRef: string;
                            /** Format: uuid */
                            id: string;
                            nickname: string;
                            productCode: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: invalid_customer_ref, validation_failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: biller_not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: linked_account_exists, linked_accounts_limit */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: customer_not_found, product_not_found, product_disabled, biller_disabled */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: providers_unavailable, validation_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/linked-accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unlink an account (its bills are no longer shown) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a linked account */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nickname: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string | null;
                            billerId: string;
                            billerName: string;
                            billsFetchedAt: string | null;
                            category: string;
                            createdAt: string;
                            customerName: string;
                            customerRef: string;
                            /** Format: uuid */
                            id: string;
                            nickname: string;
                            productCode: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/linked-accounts/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Meters and numbers paid before that are not linked yet */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                billerId: string;
                                billerName: string;
                                category: string | null;
                                customerName: string | null;
                                customerRef: string;
                                /** @description Minor units (kobo for NGN) */
                                lastAmount: number;
                                lastPaidAt: string;
                                productCode: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** @description The email was proven by a verification link */
                            emailVerified?: boolean;
                            fullName: string;
                            /** @description A transaction PIN is set; until it is, money-moving requests with a session answer pin_not_set */
                            hasPin?: boolean;
                            /** Format: uuid */
                            id: string;
                            /** @description E.164 */
                            phone: string | null;
                            /** @description The phone was proven by a one-time code */
                            phoneVerified?: boolean;
                            /** @description This user’s own code, to invite others */
                            referralCode: string;
                            /** @description Id of the user who referred this one */
                            referredBy?: string | null;
                            /** @enum {string} */
                            role: "customer" | "support" | "operator" | "admin";
                            /** @enum {string} */
                            status: "active" | "frozen";
                            /** Format: date-time */
                            updatedAt?: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/email/verify/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a verification link to your email
         * @description The link is valid 24 hours and works once.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expiresInMinutes: number;
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: already_verified */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/kyc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your KYC tier, its limits in a currency, today’s usage and the next tier’s requirements
         * @description dailyDebitUsed counts today’s debits (Africa/Lagos calendar day, reset at resetsAt); money is in minor units.
         */
        get: {
            parameters: {
                query?: {
                    /** @description ISO 4217 code */
                    currency?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Masked */
                            bvn: string | null;
                            /** @description ISO 4217 code */
                            currency: string;
                            /** @description null: this currency is not allowed at this tier */
                            limits: {
                                /** @description Minor units (kobo for NGN) */
                                dailyDebitLimit: number;
                                /** Format: date-time */
                                effectiveFrom: string;
                                /** @description Minor units; null = no maximum */
                                maxBalance: number | null;
                                /** @description Minor units (kobo for NGN) */
                                singleDepositLimit: number;
                                /** @description Minor units (kobo for NGN) */
                                singleTransactionLimit: number;
                            } | null;
                            nextTier: {
                                requirements: ("verified_phone" | "bvn" | "nin" | "address_and_id" | "review_approval")[];
                                tier: number | null;
                            };
                            /** @description Masked */
                            nin: string | null;
                            /** @enum {string} */
                            status: "active" | "post_no_debit" | "review_pending";
                            /** @enum {integer} */
                            tier: 1 | 2 | 3;
                            usage: {
                                /** @description Room below the maximum balance; null = no maximum */
                                balanceHeadroom: number | null;
                                /** @description Debits today (Africa/Lagos day), minor units */
                                dailyDebitUsed: number;
                                /**
                                 * Format: date-time
                                 * @description Next midnight in Lagos
                                 */
                                resetsAt: string;
                            };
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/kyc/bvn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify your BVN (name and date of birth must match); with a verified NIN, tier 2
         * @description When tier 2 requires a verified phone (the tier settings) and yours is not, the number that would complete tier 2 is refused with 403 phone_unverified before any lookup. Sandbox (KYC_PROVIDER=sandbox): BVN 22222222222 and NIN 11111111111 verify with your own name, 22222222223 with somebody else's (422 kyc_name_mismatch), a number starting with 0 is unknown.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Bank Verification Number: 11 digits */
                        bvn: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD, as on the BVN record
                         */
                        dateOfBirth: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            kind: "bvn" | "nin";
                            /** @description Masked: `*******2222` */
                            number: string;
                            /** @enum {string} */
                            status: "verified";
                            /** @enum {integer} */
                            tier: 1 | 2 | 3;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen, phone_unverified */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: kyc_already_verified, identity_number_in_use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: kyc_name_mismatch, kyc_dob_mismatch, bvn_not_found */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited, rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: kyc_provider_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/kyc/nin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify your NIN (the name must match); with a verified BVN, tier 2
         * @description When tier 2 requires a verified phone (the tier settings) and yours is not, the number that would complete tier 2 is refused with 403 phone_unverified before any lookup. Sandbox (KYC_PROVIDER=sandbox): BVN 22222222222 and NIN 11111111111 verify with your own name, 22222222223 with somebody else's (422 kyc_name_mismatch), a number starting with 0 is unknown.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description National Identification Number: 11 digits */
                        nin: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            kind: "bvn" | "nin";
                            /** @description Masked: `*******2222` */
                            number: string;
                            /** @enum {string} */
                            status: "verified";
                            /** @enum {integer} */
                            tier: 1 | 2 | 3;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen, phone_unverified */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: kyc_already_verified, identity_number_in_use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: kyc_name_mismatch, nin_not_found */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited, rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: kyc_provider_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/kyc/tier3": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for tier 3 with your address and an ID document: staff review it (202)
         * @description When tier 3 requires a verified phone (the tier settings) and yours is not, 403 phone_unverified.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address: string;
                        idNumber: string;
                        /** @enum {string} */
                        idType: "passport" | "drivers_licence" | "voters_card" | "national_id";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string;
                            /** Format: date-time */
                            decidedAt?: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @description Masked to its last four characters */
                            idNumber: string;
                            /** @enum {string} */
                            idType: "passport" | "drivers_licence" | "voters_card" | "national_id";
                            reason?: string | null;
                            reviewerId?: string | null;
                            /** @enum {string} */
                            status: "pending" | "approved" | "rejected";
                            /** Format: date-time */
                            submittedAt: string;
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen, phone_unverified */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: kyc_already_verified, kyc_tier_required, kyc_review_pending */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited, rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notification preferences: per group and channel (security messages are locked on) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @enum {string} */
                                channel: "email" | "sms" | "in_app";
                                enabled: boolean;
                                /** @enum {string} */
                                group: "payments" | "money_in" | "withdrawals" | "disputes" | "balance" | "security";
                                /** @description Security messages: always sent */
                                locked: boolean;
                            }[];
                            /** @description Low-balance alert of your NGN wallet: one notification (balance group) when the available balance goes below the threshold, armed again once it is back at or above it */
                            lowBalance: {
                                /** @enum {string} */
                                currency: "NGN";
                                /** @description Minor units; null: no alert */
                                threshold: number | null;
                            };
                        };
                    };
                };
            };
        };
        /** Change some of my notification preferences and the low-balance threshold; turning security messages off is refused (409) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lowBalance?: {
                            /** @enum {string} */
                            currency?: "NGN";
                            /** @description Minor units (kobo); null turns the alert off */
                            threshold: number | null;
                        };
                        preferences?: {
                            /** @enum {string} */
                            channel: "email" | "sms" | "in_app";
                            enabled: boolean;
                            /** @enum {string} */
                            group: "payments" | "money_in" | "withdrawals" | "disputes" | "balance" | "security";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @enum {string} */
                                channel: "email" | "sms" | "in_app";
                                enabled: boolean;
                                /** @enum {string} */
                                group: "payments" | "money_in" | "withdrawals" | "disputes" | "balance" | "security";
                                /** @description Security messages: always sent */
                                locked: boolean;
                            }[];
                            /** @description Low-balance alert of your NGN wallet: one notification (balance group) when the available balance goes below the threshold, armed again once it is back at or above it */
                            lowBalance: {
                                /** @enum {string} */
                                currency: "NGN";
                                /** @description Minor units; null: no alert */
                                threshold: number | null;
                            };
                        };
                    };
                };
                /** @description Problem document; code is one of: notification_locked */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your password
         * @description Needs the current password. Every other session of yours ends at once (this one stays), and you are told your password changed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Password changed; your other sessions ended */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field, wrong_password, weak_password */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/phone/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify your phone with the code sent by SMS
         * @description A wrong code answers invalid_code with attemptsLeft; after 5 wrong codes the code is dead (too_many_attempts) until a new one is sent.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Phone verified */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field, invalid_code, code_expired */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: already_verified, no_pending_code */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: too_many_attempts */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/phone/verify/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a 6-digit code by SMS to your phone
         * @description The code is valid 10 minutes and allows 5 tries; a new send replaces the earlier code.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expiresInMinutes: number;
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: already_verified, no_phone */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set or change your transaction PIN
         * @description Money-moving requests made with a session (transfers, bill payments, withdrawals) need it in x-transaction-pin. The first PIN takes {pin}; a change takes {currentPin, pin}, and a wrong currentPin counts toward the lockout (5 wrong PINs lock money movement for 30 minutes). Trivial PINs (0000, 1234, 4321, 1212, 2580...) are refused with pin_too_simple.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 4 digits */
                        currentPin?: string;
                        /** @description 4 digits */
                        pin: string;
                    };
                };
            };
            responses: {
                /** @description PIN set */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field, pin_too_simple */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen, pin_invalid */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: pin_already_set */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: pin_locked */
                423: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/pin/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Forgot your PIN: send a 6-digit code by SMS to your verified phone
         * @description The code is valid 10 minutes and allows 5 tries; a new send replaces the earlier code. Confirm it with POST /v1/me/pin/reset/confirm.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expiresInMinutes: number;
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen, phone_unverified */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: no_phone */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/pin/reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new PIN with the code sent by SMS; clears any lock
         * @description A wrong code answers invalid_code with attemptsLeft; after 5 wrong codes the code is dead (too_many_attempts) until a new one is sent.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /** @description 4 digits */
                        pin: string;
                    };
                };
            };
            responses: {
                /** @description New PIN set; money movement unlocked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field, invalid_code, code_expired, pin_too_simple */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen, phone_unverified */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: no_phone, no_pending_code */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: too_many_attempts, rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your active sessions: device, address, last seen, and which one is this
         * @description The current session first, then by last use; at most 100.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The session this request was made with */
                                current: boolean;
                                /** @description Parsed from the User-Agent, e.g. "Chrome on macOS" */
                                device: string;
                                /** Format: date-time */
                                expiresAt: string;
                                /** Format: uuid */
                                id: string;
                                /** @description The address the session was started from */
                                ip: string | null;
                                /**
                                 * Format: date-time
                                 * @description Brought up to date at most once a minute
                                 */
                                lastSeenAt: string;
                                userAgent: string | null;
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End one of your sessions
         * @description Its access tokens stop working at once and its refresh token is refused. Ending the current session is a logout (the refresh cookie is cleared). Ending one that already ended answers 204.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ended */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem document; code is one of: validation_failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/sessions/revoke-others": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log out everywhere else: end every session but this one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description How many sessions were ended */
                            revoked: number;
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My in-app notifications, newest first, with the unread count */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    /** @description true: unread ones only */
                    unread?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                /** Format: date-time */
                                readAt: string | null;
                                subject: string;
                                template: string;
                                text: string;
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            nextCursor: string | null;
                            /** @description Unread notifications in all */
                            unread: number;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one notification read (again: no change) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            readAt: string | null;
                            subject: string;
                            template: string;
                            text: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all my notifications read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            marked: number;
                            unread: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of my notifications are unread */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unread: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payout-accounts/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The account holder name for a bank account (NUBAN) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accountNumber: string;
                        bankCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountName: string;
                            accountNumber: string;
                            bankCode: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: account_not_resolved, unknown_bank */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: withdrawals_unavailable, bank_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/recipients/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Look up a recipient by email or phone to confirm their name before sending */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                    } | {
                        phone: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fullName: string;
                            maskedEmail: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: recipient_not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rewards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What I earned: cashback and referral bonuses, newest first (clawed back ones marked) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Paid (0 when skipped) */
                                amount: number;
                                /** Format: uuid */
                                campaignId: string;
                                campaignName: string;
                                /** @description What the effect computed (more than amount when the budget ran short) */
                                computed: number;
                                createdAt: string;
                                /** @description ISO 4217 code */
                                currency: string;
                                /** Format: uuid */
                                id: string;
                                reason: string | null;
                                /** @description Minor units (kobo for NGN) */
                                receivable: number;
                                /** @enum {string} */
                                role: "customer" | "referrer" | "referee";
                                /** @description The triggering transaction, e.g. bill_payment:<id> */
                                source: string;
                                /** @enum {string} */
                                status: "paid" | "skipped" | "clawed_back" | "receivable" | "settled";
                                /** Format: uuid */
                                userId: string;
                            }[];
                            totals: {
                                currency: string;
                                /** @description Minor units (kobo for NGN) */
                                earned: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/saved-customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Meters and numbers paid before, for "pay again" */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                billerId: string;
                                billerName: string;
                                category: string | null;
                                customerName: string | null;
                                customerRef: string;
                                /** @description Minor units (kobo for NGN) */
                                lastAmount: number;
                                lastPaidAt: string;
                                productCode: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How to reach support, and what a frozen account can and cannot do */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Problem document (RFC 9457) with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description SUPPORT_EMAIL; null when not configured */
                            email: string | null;
                            /** @description What a frozen person can and cannot do, in the words the operator console uses */
                            frozenAccount: {
                                can: string[];
                                cannot: string[];
                            };
                            /** @description SUPPORT_PHONE, as it is dialled; null when not configured */
                            phone: string | null;
                            /** @description SUPPORT_WHATSAPP, a https://wa.me/... chat link; null when not configured */
                            whatsapp: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transactions/{id}/receipt.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The receipt of a history line (its transactionId) as a PDF */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description application/pdf */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Problem document; code is one of: validation_failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transactions/{id}/receipt.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The receipt of a history line (its transactionId) as a PNG image, for sharing */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description image/png */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Problem document; code is one of: validation_failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send money to another person (synchronous); same currency only */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required: a unique key (a UUID) per money-moving request; a retry reuses it */
                    "idempotency-key"?: string;
                    /** @description Required with a login session (never with an API key): your 4-digit transaction PIN */
                    "x-transaction-pin"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Amount in minor units (kobo for NGN), a JSON integer */
                        amount: number;
                        /** Format: uuid */
                        fromWalletId: string;
                        narration?: string;
                        to: {
                            /** Format: uuid */
                            walletId: string;
                        } | {
                            /** Format: email */
                            email: string;
                        } | {
                            phone: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            /** Format: uuid */
                            fromWalletId: string;
                            /** Format: uuid */
                            id: string;
                            narration: string;
                            recipient: {
                                name: string;
                            };
                            /** @enum {string} */
                            status: "completed" | "pending_review";
                            /** Format: uuid */
                            toWalletId: string;
                        };
                    };
                };
                /** @description Held for review by the risk rules: the money is on hold until an operator decides */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            caseId: string;
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            /** Format: uuid */
                            fromWalletId: string;
                            /** Format: uuid */
                            id: string;
                            narration: string;
                            recipient: {
                                name: string;
                            };
                            /** @enum {string} */
                            status: "completed" | "pending_review";
                            /** Format: uuid */
                            toWalletId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: idempotency_key_required, invalid_idempotency_key, invalid_amount, unknown_field, validation_failed, malformed_json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: kyc_required, risk_blocked, pin_required, pin_not_set, pin_invalid */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found, recipient_not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: request_in_progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: body_too_large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unsupported_media_type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: insufficient_funds, wallet_frozen, wallet_closed, idempotency_key_reused, amount_out_of_range, limit_exceeded, currency_mismatch, self_transfer */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: pin_locked */
                423: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's wallets with balance, available and held amounts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Minor units (kobo for NGN) */
                                available: number;
                                /** @description Minor units (kobo for NGN) */
                                balance: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description ISO 4217 code */
                                currency: string;
                                /** @description Minor units (kobo for NGN) */
                                held: number;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                status: "active" | "frozen" | "closed";
                                /**
                                 * Format: uuid
                                 * @description The owner's user id
                                 */
                                userId: string;
                            }[];
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Open a wallet in another currency (one per currency) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description ISO 4217 code */
                        currency: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            available: number;
                            /** @description Minor units (kobo for NGN) */
                            balance: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            /** @description Minor units (kobo for NGN) */
                            held: number;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "active" | "frozen" | "closed";
                            /**
                             * Format: uuid
                             * @description The owner's user id
                             */
                            userId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: unsupported_currency, validation_failed */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: kyc_required */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: wallet_exists */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One wallet */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            available: number;
                            /** @description Minor units (kobo for NGN) */
                            balance: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            /** @description Minor units (kobo for NGN) */
                            held: number;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "active" | "frozen" | "closed";
                            /**
                             * Format: uuid
                             * @description The owner's user id
                             */
                            userId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallets/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close one of your wallets; it must be active and empty (nothing posted, nothing held)
         * @description A closed wallet takes no money in or out, stays in your list with status "closed", and its history and statement stay readable.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            available: number;
                            /** @description Minor units (kobo for NGN) */
                            balance: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            /** @description Minor units (kobo for NGN) */
                            held: number;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "active" | "frozen" | "closed";
                            /**
                             * Format: uuid
                             * @description The owner's user id
                             */
                            userId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, account_frozen */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: wallet_not_empty */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: wallet_frozen, wallet_closed */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallets/{id}/deposits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a deposit: returns the gateway checkout URL; the wallet is credited when the signed webhook lands */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required: a unique key (a UUID) per money-moving request; a retry reuses it */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Amount in minor units (kobo for NGN), a JSON integer */
                        amount: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            checkoutUrl: string;
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            /** Format: uuid */
                            id: string;
                            reference: string;
                            /** @enum {string} */
                            status: "pending" | "succeeded" | "failed" | "flagged";
                            /** Format: uuid */
                            walletId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: idempotency_key_required, invalid_idempotency_key, invalid_amount, unknown_field, validation_failed, malformed_json */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: kyc_required, risk_blocked */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: request_in_progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: body_too_large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unsupported_media_type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: insufficient_funds, wallet_frozen, wallet_closed, idempotency_key_reused, amount_out_of_range, limit_exceeded */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallets/{id}/funding-account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The wallet's bank account number: send money to it by bank transfer to fund the wallet
         * @description status `none` (never requested; `eligible` says whether POST may ask for one), `pending` (being assigned), `assigned`, `failed`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The bank account number that funds this wallet: money sent to it by bank transfer lands here */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountName: string | null;
                            /** @description 10 digits (NUBAN) */
                            accountNumber: string | null;
                            /** Format: date-time */
                            assignedAt: string | null;
                            bankName: string | null;
                            /** @description ISO 4217 code */
                            currency: string;
                            /** @description Whether the account tier allows one now */
                            eligible: boolean;
                            failureReason: string | null;
                            /**
                             * @description none: never requested; pending: being assigned; failed: the provider refused (ask again)
                             * @enum {string}
                             */
                            status: "none" | "pending" | "assigned" | "failed";
                            /** Format: uuid */
                            walletId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Ask for a bank account number for this wallet (idempotent: a repeat answers the same one)
         * @description Only when the account tier allows it (BVN or NIN verified when tier 1 requires an ID) and for NGN wallets. 202 while it is being assigned, 200 once it is.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The bank account number that funds this wallet: money sent to it by bank transfer lands here */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountName: string | null;
                            /** @description 10 digits (NUBAN) */
                            accountNumber: string | null;
                            /** Format: date-time */
                            assignedAt: string | null;
                            bankName: string | null;
                            /** @description ISO 4217 code */
                            currency: string;
                            /** @description Whether the account tier allows one now */
                            eligible: boolean;
                            failureReason: string | null;
                            /**
                             * @description none: never requested; pending: being assigned; failed: the provider refused (ask again)
                             * @enum {string}
                             */
                            status: "none" | "pending" | "assigned" | "failed";
                            /** Format: uuid */
                            walletId: string;
                        };
                    };
                };
                /** @description The bank account number that funds this wallet: money sent to it by bank transfer lands here */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountName: string | null;
                            /** @description 10 digits (NUBAN) */
                            accountNumber: string | null;
                            /** Format: date-time */
                            assignedAt: string | null;
                            bankName: string | null;
                            /** @description ISO 4217 code */
                            currency: string;
                            /** @description Whether the account tier allows one now */
                            eligible: boolean;
                            failureReason: string | null;
                            /**
                             * @description none: never requested; pending: being assigned; failed: the provider refused (ask again)
                             * @enum {string}
                             */
                            status: "none" | "pending" | "assigned" | "failed";
                            /** Format: uuid */
                            walletId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: unsupported_currency */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: forbidden, insufficient_scope, kyc_required */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallets/{id}/statement.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A CSV statement of the wallet between two dates */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallets/{id}/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A wallet's history, newest first, with the running balance after each line (cursor-paginated) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    from?: string;
                    limit?: number;
                    status?: "completed" | "pending" | "released";
                    to?: string;
                    type?: "deposit" | "transfer_in" | "transfer_out" | "withdrawal" | "bill_payment" | "refund" | "fee" | "adjustment";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Minor units (kobo for NGN) */
                                amount: number;
                                /** @description Minor units (kobo for NGN) */
                                balanceAfter: number;
                                counterparty: {
                                    name?: string;
                                    walletId?: string;
                                } | null;
                                createdAt: string;
                                /** @description ISO 4217 code */
                                currency: string;
                                description: string;
                                /** @enum {string} */
                                direction: "credit" | "debit";
                                id: string;
                                reference: string;
                                /** @enum {string} */
                                status: "completed" | "pending" | "released";
                                /** @description What the line is about: the bill (open the payment for its token), the bank and masked account, the deposit channel and sender, the other wallet */
                                subject: {
                                    /** @description masked: the last four digits */
                                    accountNumber?: string;
                                    bankName?: string;
                                    billerName?: string;
                                    /** @enum {string} */
                                    channel?: "card" | "bank_transfer";
                                    customerReference?: string;
                                    depositId?: string;
                                    /** @enum {string} */
                                    kind: "bill_payment" | "withdrawal" | "deposit" | "transfer";
                                    paymentId?: string;
                                    senderBank?: string;
                                    senderName?: string;
                                    walletId?: string;
                                    withdrawalId?: string;
                                } | null;
                                /** Format: uuid */
                                transactionId: string;
                                /** @enum {string} */
                                type: "deposit" | "transfer_in" | "transfer_out" | "withdrawal" | "bill_payment" | "refund" | "fee" | "adjustment";
                            }[];
                            /** @description Pass as cursor for the next page; null on the last page */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallets/{id}/withdrawals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw to a bank account: holds amount + fee now, pays out asynchronously (202)
         * @description Fee: ₦10 up to ₦5,000, ₦25 up to ₦50,000, ₦50 above (e.g. 1000 kobo for ₦1,000).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required: a unique key (a UUID) per money-moving request; a retry reuses it */
                    "idempotency-key"?: string;
                    /** @description Required with a login session (never with an API key): your 4-digit transaction PIN */
                    "x-transaction-pin"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accountNumber: string;
                        /** @description Amount in minor units (kobo for NGN), a JSON integer */
                        amount: number;
                        bankCode: string;
                        narration?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountName: string;
                            accountNumber: string;
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            bankCode: string;
                            caseId: string;
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            failureReason: string | null;
                            /** @description Minor units (kobo for NGN) */
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            narration: string;
                            reference: string;
                            /** @enum {string} */
                            status: "pending_review" | "pending" | "processing" | "succeeded" | "failed" | "needs_review" | "reversed";
                            timeline: {
                                at: string;
                                reason: string;
                                status: string;
                            }[];
                            /** @description Minor units (kobo for NGN) */
                            total: number;
                            updatedAt: string;
                            /** Format: uuid */
                            walletId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: idempotency_key_required, invalid_idempotency_key, invalid_amount, unknown_field, validation_failed, malformed_json, unsupported_currency */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: kyc_required, risk_blocked, pin_required, pin_not_set, pin_invalid */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: request_in_progress */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: body_too_large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unsupported_media_type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: insufficient_funds, wallet_frozen, wallet_closed, idempotency_key_reused, amount_out_of_range, limit_exceeded, unknown_bank, account_not_resolved */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: pin_locked */
                423: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: withdrawals_unavailable, bank_unavailable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/gateway": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Payment gateway webhook (Paystack-style, x-paystack-signature: HMAC-SHA512 of the raw body) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            outcome: string;
                            received: boolean;
                        };
                    };
                };
                /** @description Problem document; code is one of: invalid_signature */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/vtpass": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Provider webhook (VTpass transaction-update); a hint confirmed by requery */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            response: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/withdrawals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A withdrawal and its timeline */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountName: string;
                            accountNumber: string;
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            bankCode: string;
                            caseId: string;
                            createdAt: string;
                            /** @description ISO 4217 code */
                            currency: string;
                            failureReason: string | null;
                            /** @description Minor units (kobo for NGN) */
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            narration: string;
                            reference: string;
                            /** @enum {string} */
                            status: "pending_review" | "pending" | "processing" | "succeeded" | "failed" | "needs_review" | "reversed";
                            timeline: {
                                at: string;
                                reason: string;
                                status: string;
                            }[];
                            /** @description Minor units (kobo for NGN) */
                            total: number;
                            updatedAt: string;
                            /** Format: uuid */
                            walletId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/withdrawals/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Quote a withdrawal: fee and total debited; `everything: true` quotes the most possible
         * @description Moves nothing. The withdrawal charges the same fee table, so `total` is what POST /v1/wallets/{id}/withdrawals debits.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accountNumber?: string;
                        /** @description Amount in minor units (kobo for NGN), a JSON integer */
                        amount?: number;
                        bankCode?: string;
                        everything?: boolean;
                        /** Format: uuid */
                        walletId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Minor units (kobo for NGN) */
                            amount: number;
                            /** @description Minor units (kobo for NGN) */
                            available: number;
                            /** @enum {string} */
                            cappedBy: "available_balance" | "daily_limit" | "single_transaction_limit" | "maximum_withdrawal";
                            currency: string;
                            /** @description Minor units (kobo for NGN) */
                            fee: number;
                            /** @description Whether amount + fee fits the balance and limits now */
                            fits: boolean;
                            /** @description The most that can be withdrawn now, fee on top */
                            maxAmount: number;
                            /** @description amount + fee: what the wallet is debited */
                            total: number;
                            /** Format: uuid */
                            walletId: string;
                        };
                    };
                };
                /** @description Problem document; code is one of: validation_failed, unknown_field, unsupported_currency, invalid_amount */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: unauthorized, token_expired, invalid_token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: not_found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: insufficient_funds, amount_out_of_range */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem document; code is one of: rate_limited */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details with a stable machine-readable code */
        Problem: {
            code: string;
            detail?: string;
            errors?: {
                message?: string;
                path?: string;
            }[];
            instance?: string;
            requestId?: string;
            status: number;
            title: string;
            type: string;
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
