/** Generated from the management API's OpenAPI document by schema.test.ts: do not edit. */
export interface paths {
    "/api/v1/analytics/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Totals over a window: hits, errors, latency percentiles, bytes
         * @description The window is `period` (ending at `to`, default now) or `from`–`to`, rounded out to whole buckets of `interval` (UTC). Filters combine with AND. `format=csv` answers the same figures as a CSV download.
         */
        get: operations["getAnalyticsSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/timeseries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The same figures per time bucket, every bucket of the window present (zeros without calls)
         * @description The window is `period` (ending at `to`, default now) or `from`–`to`, rounded out to whole buckets of `interval` (UTC). Filters combine with AND. `format=csv` answers the same figures as a CSV download.
         */
        get: operations["getAnalyticsTimeseries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/top": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The values of one dimension with the most calls, with their figures
         * @description The window is `period` (ending at `to`, default now) or `from`–`to`, rounded out to whole buckets of `interval` (UTC). Filters combine with AND. `format=csv` answers the same figures as a CSV download. `by` names the dimension; `limit` (1–100, default 10) how many values.
         */
        get: operations["getAnalyticsTop"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who did what: one record per mutating, refused or login call, newest first
         * @description Filters combine with AND. Records are append-only and hash-chained (`tollgate audit verify` checks the chain). `format=csv` answers every matching record as a CSV download, `changes` as JSON.
         */
        get: operations["listAuditRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with a username and password: a session token valid for 8 hours
         * @description Public. An unknown user, a wrong password and a disabled user all answer the same 401. More than 10 failed logins within a minute for a username or from an address → 429 with Retry-After, even with the right password.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the session, or revoke the API token, this request was made with
         * @description With the bootstrap admin token: 204 and nothing happens (it is configuration, not a session).
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who this request acts as: the user, its groups (nested included) and how it authenticated */
        get: operations["getCurrentPrincipal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List clients */
        get: operations["listClients"];
        put?: never;
        /** Create a client */
        post: operations["createClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a client */
        get: operations["getClient"];
        put?: never;
        post?: never;
        /** Delete a client */
        delete: operations["deleteClient"];
        options?: never;
        head?: never;
        /** Update a client (the fields sent) */
        patch: operations["updateClient"];
        trace?: never;
    };
    "/api/v1/clients/{id}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A client’s prepaid balance per currency */
        get: operations["getBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/monetization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A client’s prepaid balances, the plans in effect on its subscriptions, and its newest invoices */
        get: operations["getClientMonetization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who may view and modify this client, beyond or short of their global permissions
         * @description For each right the first level that says allow or deny decides: (1) the entry of the user itself; (2) the entries of its groups other than everyone, where a deny in any wins over an allow in another; (3) the entry of the group everyone; (4) the global permission.
         */
        get: operations["getClientPermissions"];
        /**
         * Replace the per-object permissions of a client
         * @description For each right the first level that says allow or deny decides: (1) the entry of the user itself; (2) the entries of its groups other than everyone, where a deny in any wins over an allow in another; (3) the entry of the group everyone; (4) the global permission. Refused with 403: changing an entry of the caller's own user or of a group it is in, or a right the caller does not have on this client. 400 naming `entries.N.principal` for an unknown or repeated principal, `entries.N.deploy` (projects only). Entries saying inherit to everything are dropped.
         */
        put: operations["setClientPermissions"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/top-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A client’s prepaid top-ups, newest first */
        get: operations["listTopUps"];
        put?: never;
        /**
         * Add to a client’s prepaid balance
         * @description The balance is checked at once: a top-up that lifts it above zero lets gateway nodes serve its prepaid calls again.
         */
        post: operations["createTopUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List groups */
        get: operations["listGroups"];
        put?: never;
        /** Create a group */
        post: operations["createGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a group */
        get: operations["getGroup"];
        put?: never;
        post?: never;
        /** Delete a group */
        delete: operations["deleteGroup"];
        options?: never;
        head?: never;
        /** Update a group (the fields sent) */
        patch: operations["updateGroup"];
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: answers without credentials */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invoices, newest period first */
        get: operations["listInvoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an invoice */
        get: operations["getInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/finalize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rate a draft a last time and make it final (numbered, never changed again)
         * @description 409 when the invoice is already final or its period has not ended.
         */
        post: operations["finalizeInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monetization/rating-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rate the metering ledger into invoices now
         * @description Rates every billing period started by now into one draft invoice per client, currency and period (periods already final are left). `finalizeBefore` makes the drafts of periods ended at or before it final. Running it twice, or twice at once, gives the same invoices.
         */
        post: operations["runRating"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monetization/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Calls, billable calls and revenue per product, client and plan in a window, rated now
         * @description Rated on demand from the metering ledger, so it includes calls made seconds ago. `format=csv` or `format=pdf` downloads the same report.
         */
        get: operations["getMonetizationReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List organizations */
        get: operations["listOrganizations"];
        put?: never;
        /** Create a organization */
        post: operations["createOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a organization */
        get: operations["getOrganization"];
        put?: never;
        post?: never;
        /** Delete a organization */
        delete: operations["deleteOrganization"];
        options?: never;
        head?: never;
        /** Update a organization (the fields sent) */
        patch: operations["updateOrganization"];
        trace?: never;
    };
    "/api/v1/organizations/{id}/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who may view and modify this organization, beyond or short of their global permissions
         * @description For each right the first level that says allow or deny decides: (1) the entry of the user itself; (2) the entries of its groups other than everyone, where a deny in any wins over an allow in another; (3) the entry of the group everyone; (4) the global permission.
         */
        get: operations["getOrganizationPermissions"];
        /**
         * Replace the per-object permissions of a organization
         * @description For each right the first level that says allow or deny decides: (1) the entry of the user itself; (2) the entries of its groups other than everyone, where a deny in any wins over an allow in another; (3) the entry of the group everyone; (4) the global permission. Refused with 403: changing an entry of the caller's own user or of a group it is in, or a right the caller does not have on this organization. 400 naming `entries.N.principal` for an unknown or repeated principal, `entries.N.deploy` (projects only). Entries saying inherit to everything are dropped.
         */
        put: operations["setOrganizationPermissions"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every principal's own global permissions (principals without any are left out) */
        get: operations["listPermissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/permissions/{type}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's or a group's own global permissions (not those it inherits from groups) */
        get: operations["getPermissions"];
        /**
         * Replace a user's or a group's global permissions
         * @description Nobody may change their own permissions (their user or a group they are in), nor grant or revoke a permission they do not hold: 403. An unknown user or group: 400 naming `principal`. Takes effect on the next request.
         */
        put: operations["setPermissions"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List every policy type with its JSON Schema, allowed flows and scopes, in run order */
        get: operations["listPolicyTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy-types/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one policy type */
        get: operations["getPolicyType"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List products */
        get: operations["listProducts"];
        put?: never;
        /** Create a product */
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a product */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        /** Delete a product */
        delete: operations["deleteProduct"];
        options?: never;
        head?: never;
        /** Update a product (the fields sent) */
        patch: operations["updateProduct"];
        trace?: never;
    };
    "/api/v1/products/{id}/monetization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product’s rate plans, success criteria and revenue this month so far */
        get: operations["getProductMonetization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who may view and modify this product, beyond or short of their global permissions
         * @description For each right the first level that says allow or deny decides: (1) the entry of the user itself; (2) the entries of its groups other than everyone, where a deny in any wins over an allow in another; (3) the entry of the group everyone; (4) the global permission.
         */
        get: operations["getProductPermissions"];
        /**
         * Replace the per-object permissions of a product
         * @description For each right the first level that says allow or deny decides: (1) the entry of the user itself; (2) the entries of its groups other than everyone, where a deny in any wins over an allow in another; (3) the entry of the group everyone; (4) the global permission. Refused with 403: changing an entry of the caller's own user or of a group it is in, or a right the caller does not have on this product. 400 naming `entries.N.principal` for an unknown or repeated principal, `entries.N.deploy` (projects only). Entries saying inherit to everything are dropped.
         */
        put: operations["setProductPermissions"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/rate-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product's rate plans, by id */
        get: operations["listRatePlans"];
        put?: never;
        /**
         * Add a rate plan to a product
         * @description Bands must run from call 1 without gap or overlap (400 naming `rates.N.from`); money is integer minor units of `currency` (ISO 4217).
         */
        post: operations["createRatePlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/rate-plans/{planId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a rate plan */
        get: operations["getRatePlan"];
        put?: never;
        post?: never;
        /** Delete a rate plan */
        delete: operations["deleteRatePlan"];
        options?: never;
        head?: never;
        /** Update a rate plan (the fields sent) */
        patch: operations["updateRatePlan"];
        trace?: never;
    };
    "/api/v1/products/{id}/success-criteria": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which of the product's responses are billable (default: status 200–299) */
        get: operations["getSuccessCriteria"];
        /**
         * Replace the product's transaction success criteria
         * @description A response is billable when its status is in one of the ranges and, when `header` is set, it carries that header with that value.
         */
        put: operations["setSuccessCriteria"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List projects */
        get: operations["listProjects"];
        put?: never;
        /** Create a project */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a project */
        get: operations["getProject"];
        put?: never;
        post?: never;
        /** Delete a project */
        delete: operations["deleteProject"];
        options?: never;
        head?: never;
        /** Update a project (the fields sent) */
        patch: operations["updateProject"];
        trace?: never;
    };
    "/api/v1/projects/{id}/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the server groups a project is deployed to */
        get: operations["listDeployments"];
        put?: never;
        /** Deploy a project to a server group (201 when new, 200 when it already was) */
        post: operations["deployProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/deployments/{serverGroupId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Undeploy a project from a server group */
        delete: operations["undeployProject"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who may view, modify and deploy this project, beyond or short of their global permissions
         * @description For each right the first level that says allow or deny decides: (1) the entry of the user itself; (2) the entries of its groups other than everyone, where a deny in any wins over an allow in another; (3) the entry of the group everyone; (4) the global permission.
         */
        get: operations["getProjectPermissions"];
        /**
         * Replace the per-object permissions of a project
         * @description For each right the first level that says allow or deny decides: (1) the entry of the user itself; (2) the entries of its groups other than everyone, where a deny in any wins over an allow in another; (3) the entry of the group everyone; (4) the global permission. Refused with 403: changing an entry of the caller's own user or of a group it is in, or a right the caller does not have on this project. 400 naming `entries.N.principal` for an unknown or repeated principal. Entries saying inherit to everything are dropped.
         */
        put: operations["setProjectPermissions"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/trace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's trace session (null when none is running) */
        get: operations["getTrace"];
        put?: never;
        /**
         * Start tracing a project's calls (replaces a session in progress)
         * @description Gateway nodes record the next calls of the project in full, with credentials masked, until the session expires or each node recorded `maxCalls`. They learn of the session within a configuration reload (about a second).
         */
        post: operations["startTrace"];
        /** Stop tracing a project (its traced calls stay readable) */
        delete: operations["stopTrace"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/traces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a project's traced calls, newest first */
        get: operations["listTraces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/traces/{traceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show one traced call: request, policy steps, backend timing, response */
        get: operations["getTracedCall"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/quotas/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset a subscription product's quota and rate-limit counters on every gateway node */
        post: operations["resetQuota"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/server-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List server groups */
        get: operations["listServerGroups"];
        put?: never;
        /** Create a server group */
        post: operations["createServerGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/server-groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a server group */
        get: operations["getServerGroup"];
        put?: never;
        post?: never;
        /** Delete a server group */
        delete: operations["deleteServerGroup"];
        options?: never;
        head?: never;
        /** Update a server group (the fields sent) */
        patch: operations["updateServerGroup"];
        trace?: never;
    };
    "/api/v1/server-groups/{id}/nodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the gateway nodes of a server group with their configuration version and status */
        get: operations["listServerGroupNodes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List subscriptions */
        get: operations["listSubscriptions"];
        put?: never;
        /** Create a subscription */
        post: operations["createSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a subscription */
        get: operations["getSubscription"];
        put?: never;
        post?: never;
        /** Delete a subscription */
        delete: operations["deleteSubscription"];
        options?: never;
        head?: never;
        /** Update a subscription (the fields sent) */
        patch: operations["updateSubscription"];
        trace?: never;
    };
    "/api/v1/subscriptions/{id}/monetization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each subscribed product: its plan in effect and pending, the running period, usage and charge so far, projected charge */
        get: operations["getSubscriptionMonetization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions/{id}/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who may view and modify this subscription, beyond or short of their global permissions
         * @description For each right the first level that says allow or deny decides: (1) the entry of the user itself; (2) the entries of its groups other than everyone, where a deny in any wins over an allow in another; (3) the entry of the group everyone; (4) the global permission.
         */
        get: operations["getSubscriptionPermissions"];
        /**
         * Replace the per-object permissions of a subscription
         * @description For each right the first level that says allow or deny decides: (1) the entry of the user itself; (2) the entries of its groups other than everyone, where a deny in any wins over an allow in another; (3) the entry of the group everyone; (4) the global permission. Refused with 403: changing an entry of the caller's own user or of a group it is in, or a right the caller does not have on this subscription. 400 naming `entries.N.principal` for an unknown or repeated principal, `entries.N.deploy` (projects only). Entries saying inherit to everything are dropped.
         */
        put: operations["setSubscriptionPermissions"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions/{id}/products/{productId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve the key of a subscribed product */
        post: operations["approveKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions/{id}/products/{productId}/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new key pair for a subscribed product; the old key works until previousKeyExpiresAt */
        post: operations["regenerateKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions/{id}/products/{productId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke the key of a subscribed product */
        post: operations["revokeKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: operations["listUsers"];
        put?: never;
        /** Create a user */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a user */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /** Delete a user (and its group memberships) */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /** Update a user (the fields sent; groups replace the direct memberships) */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/users/{username}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a user's personal API tokens (their prefix, never the token) */
        get: operations["listApiTokens"];
        put?: never;
        /**
         * Create a personal API token (shown in this answer only)
         * @description A user may manage its own tokens; another user's need MANAGE_USERS_AND_GROUPS.
         */
        post: operations["createApiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a personal API token */
        delete: operations["revokeApiToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAnalyticsSummary: {
        parameters: {
            query?: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                clientId?: string;
                /** @description Answer as JSON (default) or as a CSV download. */
                format?: "json" | "csv";
                /** @description Window start (ISO 8601); rounded down to the start of its bucket. */
                from?: string;
                /** @description Bucket size (UTC; weeks start on Monday). Default: by the window length. */
                interval?: "minute" | "hour" | "day" | "week";
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                organizationId?: string;
                /** @description A window ending now; default `last24h`. Ignored when `from` is given. */
                period?: "last5m" | "last1h" | "last24h" | "last7d" | "last30d";
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                productId?: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                projectId?: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                resourceId?: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                serverGroupId?: string;
                /** @description A status code (`404`) or class (`4xx`). */
                status?: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                subscriptionId?: string;
                /** @description Window end (ISO 8601, exclusive; default now); rounded up to the end of its bucket. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        from: string;
                        /**
                         * @description The bucket size used.
                         * @enum {unknown}
                         */
                        interval: "minute" | "hour" | "day" | "week";
                        /**
                         * @description Where the figures came from: the rollups, or the raw events (filter combinations rollups do not hold).
                         * @enum {unknown}
                         */
                        source: "rollups" | "events";
                        /** Format: date-time */
                        to: string;
                        totals: {
                            /** @description Milliseconds; percentiles within 1 % of the true value. */
                            backendLatency: {
                                avg: number;
                                p50: number;
                                p95: number;
                                p99: number;
                            };
                            bytesIn: number;
                            bytesOut: number;
                            /** @description (4xx + 5xx) / hits; 0 without hits. */
                            errorRate: number;
                            errors4xx: number;
                            errors5xx: number;
                            hits: number;
                            /** @description Milliseconds; percentiles within 1 % of the true value. */
                            latency: {
                                avg: number;
                                p50: number;
                                p95: number;
                                p99: number;
                            };
                        };
                    };
                };
            };
        };
    };
    getAnalyticsTimeseries: {
        parameters: {
            query?: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                clientId?: string;
                /** @description Answer as JSON (default) or as a CSV download. */
                format?: "json" | "csv";
                /** @description Window start (ISO 8601); rounded down to the start of its bucket. */
                from?: string;
                /** @description Bucket size (UTC; weeks start on Monday). Default: by the window length. */
                interval?: "minute" | "hour" | "day" | "week";
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                organizationId?: string;
                /** @description A window ending now; default `last24h`. Ignored when `from` is given. */
                period?: "last5m" | "last1h" | "last24h" | "last7d" | "last30d";
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                productId?: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                projectId?: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                resourceId?: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                serverGroupId?: string;
                /** @description A status code (`404`) or class (`4xx`). */
                status?: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                subscriptionId?: string;
                /** @description Window end (ISO 8601, exclusive; default now); rounded up to the end of its bucket. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Every bucket of the window, oldest first; buckets without calls are all zeros. */
                        buckets: {
                            /** @description Milliseconds; percentiles within 1 % of the true value. */
                            backendLatency: {
                                avg: number;
                                p50: number;
                                p95: number;
                                p99: number;
                            };
                            bytesIn: number;
                            bytesOut: number;
                            /** @description (4xx + 5xx) / hits; 0 without hits. */
                            errorRate: number;
                            errors4xx: number;
                            errors5xx: number;
                            hits: number;
                            /** @description Milliseconds; percentiles within 1 % of the true value. */
                            latency: {
                                avg: number;
                                p50: number;
                                p95: number;
                                p99: number;
                            };
                            /** Format: date-time */
                            start: string;
                        }[];
                        /** Format: date-time */
                        from: string;
                        /**
                         * @description The bucket size used.
                         * @enum {unknown}
                         */
                        interval: "minute" | "hour" | "day" | "week";
                        /**
                         * @description Where the figures came from: the rollups, or the raw events (filter combinations rollups do not hold).
                         * @enum {unknown}
                         */
                        source: "rollups" | "events";
                        /** Format: date-time */
                        to: string;
                    };
                };
            };
        };
    };
    getAnalyticsTop: {
        parameters: {
            query: {
                /** @description The dimension to rank. */
                by: "project" | "resource" | "product" | "client" | "subscription" | "organization" | "status" | "node" | "serverGroup";
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                clientId?: string;
                /** @description Answer as JSON (default) or as a CSV download. */
                format?: "json" | "csv";
                /** @description Window start (ISO 8601); rounded down to the start of its bucket. */
                from?: string;
                /** @description Bucket size (UTC; weeks start on Monday). Default: by the window length. */
                interval?: "minute" | "hour" | "day" | "week";
                /** @description How many values; default 10. */
                limit?: number;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                organizationId?: string;
                /** @description A window ending now; default `last24h`. Ignored when `from` is given. */
                period?: "last5m" | "last1h" | "last24h" | "last7d" | "last30d";
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                productId?: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                projectId?: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                resourceId?: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                serverGroupId?: string;
                /** @description A status code (`404`) or class (`4xx`). */
                status?: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                subscriptionId?: string;
                /** @description Window end (ISO 8601, exclusive; default now); rounded up to the end of its bucket. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The dimension ranked.
                         * @enum {unknown}
                         */
                        by: "project" | "resource" | "product" | "client" | "subscription" | "organization" | "status" | "node" | "serverGroup";
                        /** Format: date-time */
                        from: string;
                        /**
                         * @description The bucket size used.
                         * @enum {unknown}
                         */
                        interval: "minute" | "hour" | "day" | "week";
                        /** @description By hits, most first (ties by value). */
                        items: {
                            /** @description Milliseconds; percentiles within 1 % of the true value. */
                            backendLatency: {
                                avg: number;
                                p50: number;
                                p95: number;
                                p99: number;
                            };
                            bytesIn: number;
                            bytesOut: number;
                            /** @description (4xx + 5xx) / hits; 0 without hits. */
                            errorRate: number;
                            errors4xx: number;
                            errors5xx: number;
                            hits: number;
                            /** @description Milliseconds; percentiles within 1 % of the true value. */
                            latency: {
                                avg: number;
                                p50: number;
                                p95: number;
                                p99: number;
                            };
                            /** @description null: calls without one (no project, no key). */
                            value: string | null;
                        }[];
                        /**
                         * @description Where the figures came from: the rollups, or the raw events (filter combinations rollups do not hold).
                         * @enum {unknown}
                         */
                        source: "rollups" | "events";
                        /** Format: date-time */
                        to: string;
                    };
                };
            };
        };
    };
    listAuditRecords: {
        parameters: {
            query?: {
                /** @description The operationId of the route, e.g. `updateProduct`, `login`. */
                action?: string;
                /** @description A username, `bootstrap` or `anonymous`. */
                actor?: string;
                /** @description nextCursor of the previous page. */
                cursor?: string;
                /** @description csv: every matching record (at most 100000) as a download. */
                format?: "json" | "csv";
                /** @description Records at or after this time. */
                from?: string;
                /** @description Page size (default 20). */
                limit?: number;
                outcome?: "success" | "failure" | "denied";
                /** @description The target id (with targetType, or alone). */
                targetId?: string;
                /** @description `project`, `product`, `client`, `subscription`, `organization`, `server-group`, `user`, `group`. */
                targetType?: string;
                /** @description Records before this time. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description The route's operationId (e.g. `updateProduct`, `login`), or `METHOD /path` for a URL without a route. */
                            action: string;
                            actor: {
                                /** @description The username for a user; null otherwise. */
                                id: string | null;
                                /** @enum {unknown} */
                                type: "user" | "bootstrap" | "anonymous";
                            };
                            /** @description Null when nothing changed. */
                            changes: {
                                /** @description Null: the target no longer exists. */
                                after: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description Null: the target did not exist. */
                                before: {
                                    [key: string]: unknown;
                                } | null;
                            } | null;
                            /** @description SHA-256 (hex) over prevHash and the canonical JSON (RFC 8785) of the other fields. */
                            hash: string;
                            method: string;
                            /** @enum {unknown} */
                            outcome: "success" | "failure" | "denied";
                            /** @description The URL path called, without the query. */
                            path: string;
                            /** @description The hash of record seq − 1 (64 zeros for the first). */
                            prevHash: string;
                            /** @description The `x-request-id` of the answer. */
                            requestId: string;
                            /** @description Position in the log: 1, 2, 3, … without gaps. */
                            seq: number;
                            /** @description The client's address (the TCP peer). */
                            sourceIp: string;
                            /** @description The HTTP status answered. */
                            status: number;
                            target: {
                                id: string;
                                type: string;
                            } | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            time: string;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last. */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    username: string;
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        expiresAt: string;
                        /** @description Send as `Authorization: Bearer <token>`; shown once. */
                        token: string;
                    };
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Logged out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getCurrentPrincipal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Member of Administrators (or the bootstrap token). */
                        administrator: boolean;
                        displayName: string;
                        /** @description Every group the user is in, nested ones included (everyone first). */
                        groups: string[];
                        /** @description Effective global permissions: the user's and its groups'. */
                        permissions: ("LOGIN" | "MANAGE_USERS_AND_GROUPS" | "MANAGE_PERMISSIONS" | "VIEW_AUDIT_LOG" | "VIEW_PROJECTS" | "MODIFY_PROJECTS" | "DEPLOY_PROJECTS" | "VIEW_SERVER_GROUPS" | "MODIFY_SERVER_GROUPS" | "VIEW_PRODUCTS" | "MODIFY_PRODUCTS" | "VIEW_CLIENTS" | "MODIFY_CLIENTS" | "VIEW_SUBSCRIPTIONS" | "MODIFY_SUBSCRIPTIONS" | "VIEW_ORGANIZATIONS" | "MODIFY_ORGANIZATIONS" | "VIEW_ANALYTICS" | "VIEW_TRACE" | "MODIFY_TRACE" | "VIEW_BILLING" | "MANAGE_BILLING")[];
                        /** @description null for the bootstrap admin token. */
                        username: string | null;
                        /** @enum {unknown} */
                        via: "bootstrap-token" | "session" | "api-token";
                    };
                };
            };
        };
    };
    listClients: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page. */
                cursor?: string;
                /** @description Page size (default 20). */
                limit?: number;
                /** @description Only clients of this organization. */
                organizationId?: string;
                /** @description Case-insensitive text in the id, name or e-mail (% and _ are not wildcards). */
                q?: string;
                /** @description Only active or only inactive clients. */
                status?: "active" | "inactive";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Name → value pairs (at most 100). */
                            attributes: {
                                [key: string]: string;
                            };
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            createdAt: string;
                            /**
                             * Format: email
                             * @description E-mail address.
                             */
                            email: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @description Display name. */
                            name: string;
                            /** @description The organization the client belongs to, if any. */
                            organizationId: string | null;
                            /** @enum {unknown} */
                            status: "active" | "inactive";
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            updatedAt: string;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last. */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    createClient: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Name → value pairs (at most 100). */
                    attributes?: {
                        [key: string]: string;
                    };
                    /**
                     * Format: email
                     * @description E-mail address.
                     */
                    email: string;
                    /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                    id?: string;
                    /** @description Display name. */
                    name: string;
                    /** @description The organization the client belongs to, if any. */
                    organizationId?: string | null;
                    /** @enum {unknown} */
                    status?: "active" | "inactive";
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
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
                        /** @description Name → value pairs (at most 100). */
                        attributes: {
                            [key: string]: string;
                        };
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /**
                         * Format: email
                         * @description E-mail address.
                         */
                        email: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        /** @description The organization the client belongs to, if any. */
                        organizationId: string | null;
                        /** @enum {unknown} */
                        status: "active" | "inactive";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    getClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Name → value pairs (at most 100). */
                        attributes: {
                            [key: string]: string;
                        };
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /**
                         * Format: email
                         * @description E-mail address.
                         */
                        email: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        /** @description The organization the client belongs to, if any. */
                        organizationId: string | null;
                        /** @enum {unknown} */
                        status: "active" | "inactive";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    deleteClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Name → value pairs (at most 100). */
                    attributes?: {
                        [key: string]: string;
                    };
                    /**
                     * Format: email
                     * @description E-mail address.
                     */
                    email?: string;
                    /** @description Display name. */
                    name?: string;
                    /** @description The organization the client belongs to, if any. */
                    organizationId?: string | null;
                    /** @enum {unknown} */
                    status?: "active" | "inactive";
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Name → value pairs (at most 100). */
                        attributes: {
                            [key: string]: string;
                        };
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /**
                         * Format: email
                         * @description E-mail address.
                         */
                        email: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        /** @description The organization the client belongs to, if any. */
                        organizationId: string | null;
                        /** @enum {unknown} */
                        status: "active" | "inactive";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    getBalance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description toppedUp − charged; at 0 or below, calls on prepaid plans in this currency are refused. */
                            available: number;
                            /** @description Every charge of its prepaid plans so far, the running periods included. */
                            charged: number;
                            currency: string;
                            /** @description What gateway nodes enforce (set by the last balance check). */
                            exhausted: boolean;
                            /** @description Every top-up, minor units. */
                            toppedUp: number;
                        }[];
                    };
                };
            };
        };
    };
    getClientMonetization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        balances: {
                            /** @description toppedUp − charged; at 0 or below, calls on prepaid plans in this currency are refused. */
                            available: number;
                            /** @description Every charge of its prepaid plans so far, the running periods included. */
                            charged: number;
                            currency: string;
                            /** @description What gateway nodes enforce (set by the last balance check). */
                            exhausted: boolean;
                            /** @description Every top-up, minor units. */
                            toppedUp: number;
                        }[];
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        clientId: string;
                        /** @description Its 20 newest invoices; GET /invoices?clientId= pages through all. */
                        invoices: {
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            clientId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            createdAt: string;
                            /** @description ISO 4217: the currency of the rate plans it charges. */
                            currency: string;
                            /** @description finalizedAt plus the plans’ longest paymentDueDays. */
                            dueAt: string | null;
                            finalizedAt: string | null;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            lines: {
                                /** @description Minor units of the invoice’s currency. */
                                amount: number;
                                /** @description freemium and usage lines: the calls the line prices. */
                                calls?: number;
                                /** @description usage lines: the band’s first call. */
                                from?: number;
                                kind: "setup-fee" | "recurring-fee" | "freemium" | "usage";
                                /** @description usage lines: the band’s price. */
                                price?: number;
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                productId: string;
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                ratePlanId: string;
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                subscriptionId: string;
                                /** @description usage lines: the band’s last call; null: open. */
                                to?: number | null;
                            }[];
                            /** @description INV-000001, …: given when the invoice becomes final; null on a draft. */
                            number: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            periodEnd: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            periodStart: string;
                            /**
                             * Format: date-time
                             * @description When a rating run last changed the lines (a run that finds them the same leaves it).
                             */
                            ratedAt: string;
                            /** @enum {unknown} */
                            status: "draft" | "final";
                            /** @description Sum of the lines, minor units. */
                            total: number;
                        }[];
                        /** @description The plans in effect now on its subscriptions, by subscription then product. */
                        plans: {
                            currency: string;
                            /** @enum {unknown} */
                            mode: "prepaid" | "postpaid";
                            name: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            productId: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            ratePlanId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            since: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            subscriptionId: string;
                        }[];
                    };
                };
            };
        };
    };
    getClientPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            /**
                             * @description Projects only; `inherit` when left out.
                             * @enum {unknown}
                             */
                            deploy?: "allow" | "deny" | "inherit";
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            modify: "allow" | "deny" | "inherit";
                            principal: {
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                id: string;
                                /** @enum {unknown} */
                                type: "user" | "group";
                            };
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            view: "allow" | "deny" | "inherit";
                        }[];
                    };
                };
            };
        };
    };
    setClientPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    entries: {
                        /**
                         * @description Projects only; `inherit` when left out.
                         * @enum {unknown}
                         */
                        deploy?: "allow" | "deny" | "inherit";
                        /**
                         * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                         * @enum {unknown}
                         */
                        modify: "allow" | "deny" | "inherit";
                        principal: {
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @enum {unknown} */
                            type: "user" | "group";
                        };
                        /**
                         * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                         * @enum {unknown}
                         */
                        view: "allow" | "deny" | "inherit";
                    }[];
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            /**
                             * @description Projects only; `inherit` when left out.
                             * @enum {unknown}
                             */
                            deploy?: "allow" | "deny" | "inherit";
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            modify: "allow" | "deny" | "inherit";
                            principal: {
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                id: string;
                                /** @enum {unknown} */
                                type: "user" | "group";
                            };
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            view: "allow" | "deny" | "inherit";
                        }[];
                    };
                };
            };
        };
    };
    listTopUps: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Minor units added to the balance. */
                            amount: number;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            clientId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            createdAt: string;
                            /** @description ISO 4217. */
                            currency: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            note: string;
                        }[];
                    };
                };
            };
        };
    };
    createTopUp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Minor units added to the balance. */
                    amount: number;
                    /** @description ISO 4217. */
                    currency: string;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
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
                        /** @description Minor units added to the balance. */
                        amount: number;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        clientId: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description ISO 4217. */
                        currency: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        note: string;
                    };
                };
            };
        };
    };
    listGroups: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page. */
                cursor?: string;
                /** @description Page size (default 20). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Everyone, Administrators and API Users: cannot be deleted; Everyone has no editable members. */
                            builtIn: boolean;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            createdAt: string;
                            /** @description Free text. */
                            description: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            members: {
                                groups: string[];
                                users: string[];
                            };
                            /** @description Display name. */
                            name: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            updatedAt: string;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last. */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    createGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Free text. */
                    description?: string;
                    /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                    id?: string;
                    members?: {
                        groups?: string[];
                        users?: string[];
                    };
                    /** @description Display name. */
                    name: string;
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
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
                        /** @description Everyone, Administrators and API Users: cannot be deleted; Everyone has no editable members. */
                        builtIn: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Free text. */
                        description: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        members: {
                            groups: string[];
                            users: string[];
                        };
                        /** @description Display name. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    getGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Everyone, Administrators and API Users: cannot be deleted; Everyone has no editable members. */
                        builtIn: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Free text. */
                        description: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        members: {
                            groups: string[];
                            users: string[];
                        };
                        /** @description Display name. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    deleteGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Free text. */
                    description?: string;
                    members?: {
                        groups?: string[];
                        users?: string[];
                    };
                    /** @description Display name. */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Everyone, Administrators and API Users: cannot be deleted; Everyone has no editable members. */
                        builtIn: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Free text. */
                        description: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        members: {
                            groups: string[];
                            users: string[];
                        };
                        /** @description Display name. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    health: {
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
                        /** @enum {string} */
                        status: "ok";
                        version: string;
                    };
                };
            };
        };
    };
    listInvoices: {
        parameters: {
            query?: {
                /** @description Only this client’s. */
                clientId?: string;
                /** @description nextCursor of the previous page. */
                cursor?: string;
                /** @description Page size (default 20). */
                limit?: number;
                status?: "draft" | "final";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            clientId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            createdAt: string;
                            /** @description ISO 4217: the currency of the rate plans it charges. */
                            currency: string;
                            /** @description finalizedAt plus the plans’ longest paymentDueDays. */
                            dueAt: string | null;
                            finalizedAt: string | null;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            lines: {
                                /** @description Minor units of the invoice’s currency. */
                                amount: number;
                                /** @description freemium and usage lines: the calls the line prices. */
                                calls?: number;
                                /** @description usage lines: the band’s first call. */
                                from?: number;
                                kind: "setup-fee" | "recurring-fee" | "freemium" | "usage";
                                /** @description usage lines: the band’s price. */
                                price?: number;
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                productId: string;
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                ratePlanId: string;
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                subscriptionId: string;
                                /** @description usage lines: the band’s last call; null: open. */
                                to?: number | null;
                            }[];
                            /** @description INV-000001, …: given when the invoice becomes final; null on a draft. */
                            number: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            periodEnd: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            periodStart: string;
                            /**
                             * Format: date-time
                             * @description When a rating run last changed the lines (a run that finds them the same leaves it).
                             */
                            ratedAt: string;
                            /** @enum {unknown} */
                            status: "draft" | "final";
                            /** @description Sum of the lines, minor units. */
                            total: number;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last. */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    getInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        clientId: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description ISO 4217: the currency of the rate plans it charges. */
                        currency: string;
                        /** @description finalizedAt plus the plans’ longest paymentDueDays. */
                        dueAt: string | null;
                        finalizedAt: string | null;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        lines: {
                            /** @description Minor units of the invoice’s currency. */
                            amount: number;
                            /** @description freemium and usage lines: the calls the line prices. */
                            calls?: number;
                            /** @description usage lines: the band’s first call. */
                            from?: number;
                            kind: "setup-fee" | "recurring-fee" | "freemium" | "usage";
                            /** @description usage lines: the band’s price. */
                            price?: number;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            productId: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            ratePlanId: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            subscriptionId: string;
                            /** @description usage lines: the band’s last call; null: open. */
                            to?: number | null;
                        }[];
                        /** @description INV-000001, …: given when the invoice becomes final; null on a draft. */
                        number: string | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        periodEnd: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        periodStart: string;
                        /**
                         * Format: date-time
                         * @description When a rating run last changed the lines (a run that finds them the same leaves it).
                         */
                        ratedAt: string;
                        /** @enum {unknown} */
                        status: "draft" | "final";
                        /** @description Sum of the lines, minor units. */
                        total: number;
                    };
                };
            };
        };
    };
    finalizeInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        clientId: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description ISO 4217: the currency of the rate plans it charges. */
                        currency: string;
                        /** @description finalizedAt plus the plans’ longest paymentDueDays. */
                        dueAt: string | null;
                        finalizedAt: string | null;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        lines: {
                            /** @description Minor units of the invoice’s currency. */
                            amount: number;
                            /** @description freemium and usage lines: the calls the line prices. */
                            calls?: number;
                            /** @description usage lines: the band’s first call. */
                            from?: number;
                            kind: "setup-fee" | "recurring-fee" | "freemium" | "usage";
                            /** @description usage lines: the band’s price. */
                            price?: number;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            productId: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            ratePlanId: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            subscriptionId: string;
                            /** @description usage lines: the band’s last call; null: open. */
                            to?: number | null;
                        }[];
                        /** @description INV-000001, …: given when the invoice becomes final; null on a draft. */
                        number: string | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        periodEnd: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        periodStart: string;
                        /**
                         * Format: date-time
                         * @description When a rating run last changed the lines (a run that finds them the same leaves it).
                         */
                        ratedAt: string;
                        /** @enum {unknown} */
                        status: "draft" | "final";
                        /** @description Sum of the lines, minor units. */
                        total: number;
                    };
                };
            };
        };
    };
    runRating: {
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
                     * @description At most now.
                     */
                    finalizeBefore?: string;
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: number;
                        finalized: number;
                        /** Format: date-time */
                        ratedAt: string;
                        unchanged: number;
                        updated: number;
                    };
                };
            };
        };
    };
    getMonetizationReport: {
        parameters: {
            query: {
                /** @description csv or pdf: a download of the same report. */
                format?: "json" | "csv" | "pdf";
                /** @description Start of the window (inclusive). */
                from: string;
                /** @description Only this product. */
                productId?: string;
                /** @description End of the window (exclusive); at most 3,660 days after from. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        from: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        generatedAt: string;
                        /** @description By product, client, then plan. */
                        rows: {
                            /** @description Of those, the ones meeting the product’s success criteria. */
                            billableCalls: number;
                            /** @description Calls received in [from, to). */
                            calls: number;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            clientId: string;
                            /** @description The plan’s currency; null with no plan. */
                            currency: string | null;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            productId: string;
                            ratePlanId: string | null;
                            /** @description Minor units earned in [from, to): fees and priced calls (see docs/monetization.md). */
                            revenue: number;
                        }[];
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        to: string;
                        /** @description By currency (null last). */
                        totals: {
                            billableCalls: number;
                            calls: number;
                            currency: string | null;
                            revenue: number;
                        }[];
                    };
                };
            };
        };
    };
    listOrganizations: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page. */
                cursor?: string;
                /** @description Page size (default 20). */
                limit?: number;
                /** @description Only sub-organizations of this organization. */
                parentId?: string;
                /** @description Only organizations offering this product. */
                productId?: string;
                /** @description Case-insensitive text in the id or name (% and _ are not wildcards). */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description E-mails of the clients who administer the organization; the first is the primary. */
                            administrators: string[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            createdAt: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @description Display name. */
                            name: string;
                            /** @description Parent organization; fixed at creation. */
                            parentId: string | null;
                            /** @description Products its clients may subscribe to. */
                            productIds: string[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            updatedAt: string;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last. */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    createOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description E-mails of the clients who administer the organization; the first is the primary. */
                    administrators?: string[];
                    /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                    id?: string;
                    /** @description Display name. */
                    name: string;
                    /** @description Parent organization; fixed at creation. */
                    parentId?: string | null;
                    /** @description Products its clients may subscribe to. */
                    productIds?: string[];
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
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
                        /** @description E-mails of the clients who administer the organization; the first is the primary. */
                        administrators: string[];
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        /** @description Parent organization; fixed at creation. */
                        parentId: string | null;
                        /** @description Products its clients may subscribe to. */
                        productIds: string[];
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    getOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description E-mails of the clients who administer the organization; the first is the primary. */
                        administrators: string[];
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        /** @description Parent organization; fixed at creation. */
                        parentId: string | null;
                        /** @description Products its clients may subscribe to. */
                        productIds: string[];
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    deleteOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description E-mails of the clients who administer the organization; the first is the primary. */
                    administrators?: string[];
                    /** @description Display name. */
                    name?: string;
                    /** @description Parent organization; fixed at creation. */
                    parentId?: string | null;
                    /** @description Products its clients may subscribe to. */
                    productIds?: string[];
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description E-mails of the clients who administer the organization; the first is the primary. */
                        administrators: string[];
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        /** @description Parent organization; fixed at creation. */
                        parentId: string | null;
                        /** @description Products its clients may subscribe to. */
                        productIds: string[];
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    getOrganizationPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            /**
                             * @description Projects only; `inherit` when left out.
                             * @enum {unknown}
                             */
                            deploy?: "allow" | "deny" | "inherit";
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            modify: "allow" | "deny" | "inherit";
                            principal: {
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                id: string;
                                /** @enum {unknown} */
                                type: "user" | "group";
                            };
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            view: "allow" | "deny" | "inherit";
                        }[];
                    };
                };
            };
        };
    };
    setOrganizationPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    entries: {
                        /**
                         * @description Projects only; `inherit` when left out.
                         * @enum {unknown}
                         */
                        deploy?: "allow" | "deny" | "inherit";
                        /**
                         * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                         * @enum {unknown}
                         */
                        modify: "allow" | "deny" | "inherit";
                        principal: {
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @enum {unknown} */
                            type: "user" | "group";
                        };
                        /**
                         * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                         * @enum {unknown}
                         */
                        view: "allow" | "deny" | "inherit";
                    }[];
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            /**
                             * @description Projects only; `inherit` when left out.
                             * @enum {unknown}
                             */
                            deploy?: "allow" | "deny" | "inherit";
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            modify: "allow" | "deny" | "inherit";
                            principal: {
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                id: string;
                                /** @enum {unknown} */
                                type: "user" | "group";
                            };
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            view: "allow" | "deny" | "inherit";
                        }[];
                    };
                };
            };
        };
    };
    listPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            permissions: ("LOGIN" | "MANAGE_USERS_AND_GROUPS" | "MANAGE_PERMISSIONS" | "VIEW_AUDIT_LOG" | "VIEW_PROJECTS" | "MODIFY_PROJECTS" | "DEPLOY_PROJECTS" | "VIEW_SERVER_GROUPS" | "MODIFY_SERVER_GROUPS" | "VIEW_PRODUCTS" | "MODIFY_PRODUCTS" | "VIEW_CLIENTS" | "MODIFY_CLIENTS" | "VIEW_SUBSCRIPTIONS" | "MODIFY_SUBSCRIPTIONS" | "VIEW_ORGANIZATIONS" | "MODIFY_ORGANIZATIONS" | "VIEW_ANALYTICS" | "VIEW_TRACE" | "MODIFY_TRACE" | "VIEW_BILLING" | "MANAGE_BILLING")[];
                            principal: {
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                id: string;
                                /** @enum {unknown} */
                                type: "user" | "group";
                            };
                        }[];
                    };
                };
            };
        };
    };
    getPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
                type: "user" | "group";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        permissions: ("LOGIN" | "MANAGE_USERS_AND_GROUPS" | "MANAGE_PERMISSIONS" | "VIEW_AUDIT_LOG" | "VIEW_PROJECTS" | "MODIFY_PROJECTS" | "DEPLOY_PROJECTS" | "VIEW_SERVER_GROUPS" | "MODIFY_SERVER_GROUPS" | "VIEW_PRODUCTS" | "MODIFY_PRODUCTS" | "VIEW_CLIENTS" | "MODIFY_CLIENTS" | "VIEW_SUBSCRIPTIONS" | "MODIFY_SUBSCRIPTIONS" | "VIEW_ORGANIZATIONS" | "MODIFY_ORGANIZATIONS" | "VIEW_ANALYTICS" | "VIEW_TRACE" | "MODIFY_TRACE" | "VIEW_BILLING" | "MANAGE_BILLING")[];
                        principal: {
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @enum {unknown} */
                            type: "user" | "group";
                        };
                    };
                };
            };
        };
    };
    setPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
                type: "user" | "group";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    permissions: ("LOGIN" | "MANAGE_USERS_AND_GROUPS" | "MANAGE_PERMISSIONS" | "VIEW_AUDIT_LOG" | "VIEW_PROJECTS" | "MODIFY_PROJECTS" | "DEPLOY_PROJECTS" | "VIEW_SERVER_GROUPS" | "MODIFY_SERVER_GROUPS" | "VIEW_PRODUCTS" | "MODIFY_PRODUCTS" | "VIEW_CLIENTS" | "MODIFY_CLIENTS" | "VIEW_SUBSCRIPTIONS" | "MODIFY_SUBSCRIPTIONS" | "VIEW_ORGANIZATIONS" | "MODIFY_ORGANIZATIONS" | "VIEW_ANALYTICS" | "VIEW_TRACE" | "MODIFY_TRACE" | "VIEW_BILLING" | "MANAGE_BILLING")[];
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        permissions: ("LOGIN" | "MANAGE_USERS_AND_GROUPS" | "MANAGE_PERMISSIONS" | "VIEW_AUDIT_LOG" | "VIEW_PROJECTS" | "MODIFY_PROJECTS" | "DEPLOY_PROJECTS" | "VIEW_SERVER_GROUPS" | "MODIFY_SERVER_GROUPS" | "VIEW_PRODUCTS" | "MODIFY_PRODUCTS" | "VIEW_CLIENTS" | "MODIFY_CLIENTS" | "VIEW_SUBSCRIPTIONS" | "MODIFY_SUBSCRIPTIONS" | "VIEW_ORGANIZATIONS" | "MODIFY_ORGANIZATIONS" | "VIEW_ANALYTICS" | "VIEW_TRACE" | "MODIFY_TRACE" | "VIEW_BILLING" | "MANAGE_BILLING")[];
                        principal: {
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @enum {unknown} */
                            type: "user" | "group";
                        };
                    };
                };
            };
        };
    };
    listPolicyTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            description: string;
                            /** @description Flows the policy may be attached to. */
                            flows: ("proxy-request" | "target-request" | "target-response" | "proxy-response")[];
                            /** @description The value of a policy's `type`. */
                            name: string;
                            /** @description Order within a flow and scope: lower runs first. */
                            priority: number;
                            /** @description JSON Schema of the policy's `config`. */
                            schema: {
                                [key: string]: unknown;
                            };
                            /** @description Whether it may apply to the whole project, one resource, or both. */
                            scopes: ("project" | "resource")[];
                        }[];
                    };
                };
            };
        };
    };
    getPolicyType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        description: string;
                        /** @description Flows the policy may be attached to. */
                        flows: ("proxy-request" | "target-request" | "target-response" | "proxy-response")[];
                        /** @description The value of a policy's `type`. */
                        name: string;
                        /** @description Order within a flow and scope: lower runs first. */
                        priority: number;
                        /** @description JSON Schema of the policy's `config`. */
                        schema: {
                            [key: string]: unknown;
                        };
                        /** @description Whether it may apply to the whole project, one resource, or both. */
                        scopes: ("project" | "resource")[];
                    };
                };
            };
        };
    };
    listProducts: {
        parameters: {
            query?: {
                /** @description Only public or only private products. */
                access?: "public" | "private";
                /** @description nextCursor of the previous page. */
                cursor?: string;
                /** @description Page size (default 20). */
                limit?: number;
                /** @description Only products this organization offers. */
                organizationId?: string;
                /** @description Case-insensitive text in the id or name (% and _ are not wildcards). */
                q?: string;
                /** @description Only products offered in this server group. */
                serverGroupId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * @description Public products are listed in the developer portal.
                             * @enum {unknown}
                             */
                            access: "public" | "private";
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            createdAt: string;
                            /** @description Free text. */
                            description: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /**
                             * @description Manual: a new key stays pending until an administrator approves it.
                             * @enum {unknown}
                             */
                            keyApproval: "automatic" | "manual";
                            /** @description Display name. */
                            name: string;
                            /** @description API projects in the product. */
                            projectIds: string[];
                            quota: {
                                /** @description Calls allowed per period. */
                                limit: number;
                                /**
                                 * @description Calendar period (UTC).
                                 * @enum {unknown}
                                 */
                                unit: "minute" | "hour" | "day" | "month";
                            } | null;
                            /** @description OAuth scopes granted to tokens of the product. */
                            scopes: string[];
                            /** @description Server groups the product is offered in. */
                            serverGroupIds: string[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            updatedAt: string;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last. */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    createProduct: {
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
                     * @description Public products are listed in the developer portal.
                     * @enum {unknown}
                     */
                    access?: "public" | "private";
                    /** @description Free text. */
                    description?: string;
                    /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                    id?: string;
                    /**
                     * @description Manual: a new key stays pending until an administrator approves it.
                     * @enum {unknown}
                     */
                    keyApproval?: "automatic" | "manual";
                    /** @description Display name. */
                    name: string;
                    /** @description API projects in the product. */
                    projectIds?: string[];
                    quota?: {
                        /** @description Calls allowed per period. */
                        limit: number;
                        /**
                         * @description Calendar period (UTC).
                         * @enum {unknown}
                         */
                        unit: "minute" | "hour" | "day" | "month";
                    } | null;
                    /** @description OAuth scopes granted to tokens of the product. */
                    scopes?: string[];
                    /** @description Server groups the product is offered in. */
                    serverGroupIds?: string[];
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
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
                        /**
                         * @description Public products are listed in the developer portal.
                         * @enum {unknown}
                         */
                        access: "public" | "private";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Free text. */
                        description: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /**
                         * @description Manual: a new key stays pending until an administrator approves it.
                         * @enum {unknown}
                         */
                        keyApproval: "automatic" | "manual";
                        /** @description Display name. */
                        name: string;
                        /** @description API projects in the product. */
                        projectIds: string[];
                        quota: {
                            /** @description Calls allowed per period. */
                            limit: number;
                            /**
                             * @description Calendar period (UTC).
                             * @enum {unknown}
                             */
                            unit: "minute" | "hour" | "day" | "month";
                        } | null;
                        /** @description OAuth scopes granted to tokens of the product. */
                        scopes: string[];
                        /** @description Server groups the product is offered in. */
                        serverGroupIds: string[];
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Public products are listed in the developer portal.
                         * @enum {unknown}
                         */
                        access: "public" | "private";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Free text. */
                        description: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /**
                         * @description Manual: a new key stays pending until an administrator approves it.
                         * @enum {unknown}
                         */
                        keyApproval: "automatic" | "manual";
                        /** @description Display name. */
                        name: string;
                        /** @description API projects in the product. */
                        projectIds: string[];
                        quota: {
                            /** @description Calls allowed per period. */
                            limit: number;
                            /**
                             * @description Calendar period (UTC).
                             * @enum {unknown}
                             */
                            unit: "minute" | "hour" | "day" | "month";
                        } | null;
                        /** @description OAuth scopes granted to tokens of the product. */
                        scopes: string[];
                        /** @description Server groups the product is offered in. */
                        serverGroupIds: string[];
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    deleteProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Public products are listed in the developer portal.
                     * @enum {unknown}
                     */
                    access?: "public" | "private";
                    /** @description Free text. */
                    description?: string;
                    /**
                     * @description Manual: a new key stays pending until an administrator approves it.
                     * @enum {unknown}
                     */
                    keyApproval?: "automatic" | "manual";
                    /** @description Display name. */
                    name?: string;
                    /** @description API projects in the product. */
                    projectIds?: string[];
                    quota?: {
                        /** @description Calls allowed per period. */
                        limit: number;
                        /**
                         * @description Calendar period (UTC).
                         * @enum {unknown}
                         */
                        unit: "minute" | "hour" | "day" | "month";
                    } | null;
                    /** @description OAuth scopes granted to tokens of the product. */
                    scopes?: string[];
                    /** @description Server groups the product is offered in. */
                    serverGroupIds?: string[];
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Public products are listed in the developer portal.
                         * @enum {unknown}
                         */
                        access: "public" | "private";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Free text. */
                        description: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /**
                         * @description Manual: a new key stays pending until an administrator approves it.
                         * @enum {unknown}
                         */
                        keyApproval: "automatic" | "manual";
                        /** @description Display name. */
                        name: string;
                        /** @description API projects in the product. */
                        projectIds: string[];
                        quota: {
                            /** @description Calls allowed per period. */
                            limit: number;
                            /**
                             * @description Calendar period (UTC).
                             * @enum {unknown}
                             */
                            unit: "minute" | "hour" | "day" | "month";
                        } | null;
                        /** @description OAuth scopes granted to tokens of the product. */
                        scopes: string[];
                        /** @description Server groups the product is offered in. */
                        serverGroupIds: string[];
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    getProductMonetization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        productId: string;
                        ratePlans: {
                            /**
                             * @description Monthly periods (UTC) starting on the 1st (calendar-month) or on the day the subscription started on the plan (subscription-month).
                             * @enum {unknown}
                             */
                            billingPeriod: "calendar-month" | "subscription-month";
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            createdAt: string;
                            /** @description ISO 4217 code, e.g. USD, EUR, JPY. */
                            currency: string;
                            /** @description Free text. */
                            description: string;
                            /** @description How long a subscription stays on the plan from its start; null: until the plan ends. */
                            durationMonths: number | null;
                            /** @description After it, calls on the plan are refused; null: open-ended. */
                            endDate: string | null;
                            fees: {
                                /** @description Charged every billing period. */
                                recurring?: number;
                                /** @description Charged once, in the period the subscription starts on the plan. */
                                setup?: number;
                            };
                            freemium: {
                                /** @description The first calls on the plan that are free. */
                                calls?: number;
                                /** @description Calls in the first days on the plan are free. */
                                days?: number;
                            };
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /**
                             * @description UNIT: each call at the price of its band (graduated). VOLUME: every call at the band the total reaches. STAIR_STEP: the flat price of the band the total falls in.
                             * @enum {unknown}
                             */
                            meteringType: "UNIT" | "VOLUME" | "STAIR_STEP";
                            /**
                             * @description prepaid: calls draw on the client's balance and are refused when it is used up; postpaid: invoiced after the period.
                             * @enum {unknown}
                             */
                            mode: "prepaid" | "postpaid";
                            /** @description Display name. */
                            name: string;
                            /** @description Days from an invoice being final to its due date. */
                            paymentDueDays: number;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            productId: string;
                            /** @description Contiguous bands from call 1: each starts right after the one before ends; the last has no `to`. */
                            rates: {
                                /** @description First call of the band, counted from 1 in each period. */
                                from: number;
                                /** @description Minor units per call (UNIT, VOLUME) or for the whole period (STAIR_STEP). */
                                price: number;
                                /** @description Last call of the band (inclusive); absent or null on the last band: no upper end. */
                                to?: number | null;
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            startDate: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            updatedAt: string;
                        }[];
                        /** @description This calendar month so far (UTC), per currency. */
                        revenue: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            from: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            to: string;
                            totals: {
                                billableCalls: number;
                                calls: number;
                                currency: string | null;
                                revenue: number;
                            }[];
                        };
                        successCriteria: {
                            /** @description Also required: a response header with this value; null: none. */
                            header: {
                                /** @description Response header name (any letter case). */
                                name: string;
                                /** @description The value it must have, exactly. */
                                value: string;
                            } | null;
                            /** @description Status ranges (inclusive) of billable responses; default 200–299. */
                            statuses: {
                                from: number;
                                to: number;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getProductPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            /**
                             * @description Projects only; `inherit` when left out.
                             * @enum {unknown}
                             */
                            deploy?: "allow" | "deny" | "inherit";
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            modify: "allow" | "deny" | "inherit";
                            principal: {
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                id: string;
                                /** @enum {unknown} */
                                type: "user" | "group";
                            };
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            view: "allow" | "deny" | "inherit";
                        }[];
                    };
                };
            };
        };
    };
    setProductPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    entries: {
                        /**
                         * @description Projects only; `inherit` when left out.
                         * @enum {unknown}
                         */
                        deploy?: "allow" | "deny" | "inherit";
                        /**
                         * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                         * @enum {unknown}
                         */
                        modify: "allow" | "deny" | "inherit";
                        principal: {
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @enum {unknown} */
                            type: "user" | "group";
                        };
                        /**
                         * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                         * @enum {unknown}
                         */
                        view: "allow" | "deny" | "inherit";
                    }[];
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            /**
                             * @description Projects only; `inherit` when left out.
                             * @enum {unknown}
                             */
                            deploy?: "allow" | "deny" | "inherit";
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            modify: "allow" | "deny" | "inherit";
                            principal: {
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                id: string;
                                /** @enum {unknown} */
                                type: "user" | "group";
                            };
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            view: "allow" | "deny" | "inherit";
                        }[];
                    };
                };
            };
        };
    };
    listRatePlans: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * @description Monthly periods (UTC) starting on the 1st (calendar-month) or on the day the subscription started on the plan (subscription-month).
                             * @enum {unknown}
                             */
                            billingPeriod: "calendar-month" | "subscription-month";
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            createdAt: string;
                            /** @description ISO 4217 code, e.g. USD, EUR, JPY. */
                            currency: string;
                            /** @description Free text. */
                            description: string;
                            /** @description How long a subscription stays on the plan from its start; null: until the plan ends. */
                            durationMonths: number | null;
                            /** @description After it, calls on the plan are refused; null: open-ended. */
                            endDate: string | null;
                            fees: {
                                /** @description Charged every billing period. */
                                recurring?: number;
                                /** @description Charged once, in the period the subscription starts on the plan. */
                                setup?: number;
                            };
                            freemium: {
                                /** @description The first calls on the plan that are free. */
                                calls?: number;
                                /** @description Calls in the first days on the plan are free. */
                                days?: number;
                            };
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /**
                             * @description UNIT: each call at the price of its band (graduated). VOLUME: every call at the band the total reaches. STAIR_STEP: the flat price of the band the total falls in.
                             * @enum {unknown}
                             */
                            meteringType: "UNIT" | "VOLUME" | "STAIR_STEP";
                            /**
                             * @description prepaid: calls draw on the client's balance and are refused when it is used up; postpaid: invoiced after the period.
                             * @enum {unknown}
                             */
                            mode: "prepaid" | "postpaid";
                            /** @description Display name. */
                            name: string;
                            /** @description Days from an invoice being final to its due date. */
                            paymentDueDays: number;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            productId: string;
                            /** @description Contiguous bands from call 1: each starts right after the one before ends; the last has no `to`. */
                            rates: {
                                /** @description First call of the band, counted from 1 in each period. */
                                from: number;
                                /** @description Minor units per call (UNIT, VOLUME) or for the whole period (STAIR_STEP). */
                                price: number;
                                /** @description Last call of the band (inclusive); absent or null on the last band: no upper end. */
                                to?: number | null;
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            startDate: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            updatedAt: string;
                        }[];
                    };
                };
            };
        };
    };
    createRatePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Monthly periods (UTC) starting on the 1st (calendar-month) or on the day the subscription started on the plan (subscription-month).
                     * @default calendar-month
                     * @enum {unknown}
                     */
                    billingPeriod?: "calendar-month" | "subscription-month";
                    /** @description ISO 4217 code, e.g. USD, EUR, JPY. */
                    currency: string;
                    /** @description Free text. */
                    description?: string;
                    /** @description How long a subscription stays on the plan from its start; null: until the plan ends. */
                    durationMonths?: number | null;
                    /** @description After it, calls on the plan are refused; null: open-ended. */
                    endDate?: string | null;
                    fees?: {
                        /** @description Charged every billing period. */
                        recurring?: number;
                        /** @description Charged once, in the period the subscription starts on the plan. */
                        setup?: number;
                    };
                    freemium?: {
                        /** @description The first calls on the plan that are free. */
                        calls?: number;
                        /** @description Calls in the first days on the plan are free. */
                        days?: number;
                    };
                    /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                    id?: string;
                    /**
                     * @description UNIT: each call at the price of its band (graduated). VOLUME: every call at the band the total reaches. STAIR_STEP: the flat price of the band the total falls in.
                     * @enum {unknown}
                     */
                    meteringType: "UNIT" | "VOLUME" | "STAIR_STEP";
                    /**
                     * @description prepaid: calls draw on the client's balance and are refused when it is used up; postpaid: invoiced after the period.
                     * @enum {unknown}
                     */
                    mode?: "prepaid" | "postpaid";
                    /** @description Display name. */
                    name: string;
                    /** @description Days from an invoice being final to its due date. */
                    paymentDueDays?: number;
                    /** @description Contiguous bands from call 1: each starts right after the one before ends; the last has no `to`. */
                    rates: {
                        /** @description First call of the band, counted from 1 in each period. */
                        from: number;
                        /** @description Minor units per call (UNIT, VOLUME) or for the whole period (STAIR_STEP). */
                        price: number;
                        /** @description Last call of the band (inclusive); absent or null on the last band: no upper end. */
                        to?: number | null;
                    }[];
                    /**
                     * Format: date-time
                     * @description ISO 8601 UTC time.
                     */
                    startDate?: string;
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
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
                        /**
                         * @description Monthly periods (UTC) starting on the 1st (calendar-month) or on the day the subscription started on the plan (subscription-month).
                         * @enum {unknown}
                         */
                        billingPeriod: "calendar-month" | "subscription-month";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description ISO 4217 code, e.g. USD, EUR, JPY. */
                        currency: string;
                        /** @description Free text. */
                        description: string;
                        /** @description How long a subscription stays on the plan from its start; null: until the plan ends. */
                        durationMonths: number | null;
                        /** @description After it, calls on the plan are refused; null: open-ended. */
                        endDate: string | null;
                        fees: {
                            /** @description Charged every billing period. */
                            recurring?: number;
                            /** @description Charged once, in the period the subscription starts on the plan. */
                            setup?: number;
                        };
                        freemium: {
                            /** @description The first calls on the plan that are free. */
                            calls?: number;
                            /** @description Calls in the first days on the plan are free. */
                            days?: number;
                        };
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /**
                         * @description UNIT: each call at the price of its band (graduated). VOLUME: every call at the band the total reaches. STAIR_STEP: the flat price of the band the total falls in.
                         * @enum {unknown}
                         */
                        meteringType: "UNIT" | "VOLUME" | "STAIR_STEP";
                        /**
                         * @description prepaid: calls draw on the client's balance and are refused when it is used up; postpaid: invoiced after the period.
                         * @enum {unknown}
                         */
                        mode: "prepaid" | "postpaid";
                        /** @description Display name. */
                        name: string;
                        /** @description Days from an invoice being final to its due date. */
                        paymentDueDays: number;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        productId: string;
                        /** @description Contiguous bands from call 1: each starts right after the one before ends; the last has no `to`. */
                        rates: {
                            /** @description First call of the band, counted from 1 in each period. */
                            from: number;
                            /** @description Minor units per call (UNIT, VOLUME) or for the whole period (STAIR_STEP). */
                            price: number;
                            /** @description Last call of the band (inclusive); absent or null on the last band: no upper end. */
                            to?: number | null;
                        }[];
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        startDate: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    getRatePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                planId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Monthly periods (UTC) starting on the 1st (calendar-month) or on the day the subscription started on the plan (subscription-month).
                         * @enum {unknown}
                         */
                        billingPeriod: "calendar-month" | "subscription-month";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description ISO 4217 code, e.g. USD, EUR, JPY. */
                        currency: string;
                        /** @description Free text. */
                        description: string;
                        /** @description How long a subscription stays on the plan from its start; null: until the plan ends. */
                        durationMonths: number | null;
                        /** @description After it, calls on the plan are refused; null: open-ended. */
                        endDate: string | null;
                        fees: {
                            /** @description Charged every billing period. */
                            recurring?: number;
                            /** @description Charged once, in the period the subscription starts on the plan. */
                            setup?: number;
                        };
                        freemium: {
                            /** @description The first calls on the plan that are free. */
                            calls?: number;
                            /** @description Calls in the first days on the plan are free. */
                            days?: number;
                        };
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /**
                         * @description UNIT: each call at the price of its band (graduated). VOLUME: every call at the band the total reaches. STAIR_STEP: the flat price of the band the total falls in.
                         * @enum {unknown}
                         */
                        meteringType: "UNIT" | "VOLUME" | "STAIR_STEP";
                        /**
                         * @description prepaid: calls draw on the client's balance and are refused when it is used up; postpaid: invoiced after the period.
                         * @enum {unknown}
                         */
                        mode: "prepaid" | "postpaid";
                        /** @description Display name. */
                        name: string;
                        /** @description Days from an invoice being final to its due date. */
                        paymentDueDays: number;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        productId: string;
                        /** @description Contiguous bands from call 1: each starts right after the one before ends; the last has no `to`. */
                        rates: {
                            /** @description First call of the band, counted from 1 in each period. */
                            from: number;
                            /** @description Minor units per call (UNIT, VOLUME) or for the whole period (STAIR_STEP). */
                            price: number;
                            /** @description Last call of the band (inclusive); absent or null on the last band: no upper end. */
                            to?: number | null;
                        }[];
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        startDate: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    deleteRatePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                planId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateRatePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                planId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Monthly periods (UTC) starting on the 1st (calendar-month) or on the day the subscription started on the plan (subscription-month).
                     * @enum {unknown}
                     */
                    billingPeriod?: "calendar-month" | "subscription-month";
                    /** @description ISO 4217 code, e.g. USD, EUR, JPY. */
                    currency?: string;
                    /** @description Free text. */
                    description?: string;
                    /** @description How long a subscription stays on the plan from its start; null: until the plan ends. */
                    durationMonths?: number | null;
                    /** @description After it, calls on the plan are refused; null: open-ended. */
                    endDate?: string | null;
                    fees?: {
                        /** @description Charged every billing period. */
                        recurring?: number;
                        /** @description Charged once, in the period the subscription starts on the plan. */
                        setup?: number;
                    };
                    freemium?: {
                        /** @description The first calls on the plan that are free. */
                        calls?: number;
                        /** @description Calls in the first days on the plan are free. */
                        days?: number;
                    };
                    /**
                     * @description UNIT: each call at the price of its band (graduated). VOLUME: every call at the band the total reaches. STAIR_STEP: the flat price of the band the total falls in.
                     * @enum {unknown}
                     */
                    meteringType?: "UNIT" | "VOLUME" | "STAIR_STEP";
                    /**
                     * @description prepaid: calls draw on the client's balance and are refused when it is used up; postpaid: invoiced after the period.
                     * @enum {unknown}
                     */
                    mode?: "prepaid" | "postpaid";
                    /** @description Display name. */
                    name?: string;
                    /** @description Days from an invoice being final to its due date. */
                    paymentDueDays?: number;
                    /** @description Contiguous bands from call 1: each starts right after the one before ends; the last has no `to`. */
                    rates?: {
                        /** @description First call of the band, counted from 1 in each period. */
                        from: number;
                        /** @description Minor units per call (UNIT, VOLUME) or for the whole period (STAIR_STEP). */
                        price: number;
                        /** @description Last call of the band (inclusive); absent or null on the last band: no upper end. */
                        to?: number | null;
                    }[];
                    /**
                     * Format: date-time
                     * @description ISO 8601 UTC time.
                     */
                    startDate?: string;
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Monthly periods (UTC) starting on the 1st (calendar-month) or on the day the subscription started on the plan (subscription-month).
                         * @enum {unknown}
                         */
                        billingPeriod: "calendar-month" | "subscription-month";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description ISO 4217 code, e.g. USD, EUR, JPY. */
                        currency: string;
                        /** @description Free text. */
                        description: string;
                        /** @description How long a subscription stays on the plan from its start; null: until the plan ends. */
                        durationMonths: number | null;
                        /** @description After it, calls on the plan are refused; null: open-ended. */
                        endDate: string | null;
                        fees: {
                            /** @description Charged every billing period. */
                            recurring?: number;
                            /** @description Charged once, in the period the subscription starts on the plan. */
                            setup?: number;
                        };
                        freemium: {
                            /** @description The first calls on the plan that are free. */
                            calls?: number;
                            /** @description Calls in the first days on the plan are free. */
                            days?: number;
                        };
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /**
                         * @description UNIT: each call at the price of its band (graduated). VOLUME: every call at the band the total reaches. STAIR_STEP: the flat price of the band the total falls in.
                         * @enum {unknown}
                         */
                        meteringType: "UNIT" | "VOLUME" | "STAIR_STEP";
                        /**
                         * @description prepaid: calls draw on the client's balance and are refused when it is used up; postpaid: invoiced after the period.
                         * @enum {unknown}
                         */
                        mode: "prepaid" | "postpaid";
                        /** @description Display name. */
                        name: string;
                        /** @description Days from an invoice being final to its due date. */
                        paymentDueDays: number;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        productId: string;
                        /** @description Contiguous bands from call 1: each starts right after the one before ends; the last has no `to`. */
                        rates: {
                            /** @description First call of the band, counted from 1 in each period. */
                            from: number;
                            /** @description Minor units per call (UNIT, VOLUME) or for the whole period (STAIR_STEP). */
                            price: number;
                            /** @description Last call of the band (inclusive); absent or null on the last band: no upper end. */
                            to?: number | null;
                        }[];
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        startDate: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    getSuccessCriteria: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Also required: a response header with this value; null: none. */
                        header: {
                            /** @description Response header name (any letter case). */
                            name: string;
                            /** @description The value it must have, exactly. */
                            value: string;
                        } | null;
                        /** @description Status ranges (inclusive) of billable responses; default 200–299. */
                        statuses: {
                            from: number;
                            to: number;
                        }[];
                    };
                };
            };
        };
    };
    setSuccessCriteria: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Also required: a response header with this value; null: none. */
                    header: {
                        /** @description Response header name (any letter case). */
                        name: string;
                        /** @description The value it must have, exactly. */
                        value: string;
                    } | null;
                    /** @description Status ranges (inclusive) of billable responses; default 200–299. */
                    statuses: {
                        from: number;
                        to: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Also required: a response header with this value; null: none. */
                        header: {
                            /** @description Response header name (any letter case). */
                            name: string;
                            /** @description The value it must have, exactly. */
                            value: string;
                        } | null;
                        /** @description Status ranges (inclusive) of billable responses; default 200–299. */
                        statuses: {
                            from: number;
                            to: number;
                        }[];
                    };
                };
            };
        };
    };
    listProjects: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page. */
                cursor?: string;
                /** @description Page size (default 20). */
                limit?: number;
                /** @description Case-insensitive text in the id, name or context path (% and _ are not wildcards). */
                q?: string;
                /** @description Only projects deployed to this server group. */
                serverGroupId?: string;
                /** @description Only projects in this status. */
                status?: "active" | "deprecated" | "retired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Base path on the gateway, e.g. "/petstore/v1": segments of letters, digits and "._~-", no trailing slash. */
                            contextPath: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            createdAt: string;
                            /** @description Free text. */
                            description: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @description Display name. */
                            name: string;
                            policies: {
                                /** @description Settings of the policy type. */
                                config: {
                                    [key: string]: unknown;
                                };
                                /** @description A failure of this policy does not stop the flow. */
                                continueOnError: boolean;
                                enabled: boolean;
                                /**
                                 * @description When the policy runs: proxy-request, target-request, target-response or proxy-response.
                                 * @enum {unknown}
                                 */
                                flow: "proxy-request" | "target-request" | "target-response" | "proxy-response";
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                id: string;
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                resourceId?: string;
                                /** @description Per server group: settings that replace fields of config. */
                                serverGroupConfig?: {
                                    [key: string]: {
                                        [key: string]: unknown;
                                    };
                                };
                                /** @description Policy type, e.g. "verify-api-key". */
                                type: string;
                            }[];
                            resources: {
                                /** @description Also match every path below this one (default false: exact match). */
                                acceptChildPaths: boolean;
                                /** @description Append the path after the context path to the target URL (default true); false calls the target URL as it is. */
                                forwardBasePath: boolean;
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                id: string;
                                /** @description Methods the resource accepts. */
                                methods: ("GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS")[];
                                /** @description Path under the context path, e.g. "/pets/{petId}"; "/" is the context path itself. */
                                path: string;
                            }[];
                            /** @enum {unknown} */
                            status: "active" | "deprecated" | "retired";
                            tags: string[];
                            target: {
                                /** @description Time the backend has to answer, in milliseconds. */
                                timeoutMs: number;
                                /**
                                 * Format: uri
                                 * @description Backend base URL (http or https).
                                 */
                                url: string;
                            };
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            updatedAt: string;
                            /** @description Version label; a new version is a new project with the same name. */
                            version: string;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last. */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Base path on the gateway, e.g. "/petstore/v1": segments of letters, digits and "._~-", no trailing slash. */
                    contextPath: string;
                    /** @description Free text. */
                    description?: string;
                    /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                    id?: string;
                    /** @description Display name. */
                    name: string;
                    policies?: {
                        /** @description Settings of the policy type. */
                        config?: {
                            [key: string]: unknown;
                        };
                        continueOnError?: boolean;
                        enabled?: boolean;
                        /**
                         * @description When the policy runs: proxy-request, target-request, target-response or proxy-response.
                         * @enum {unknown}
                         */
                        flow: "proxy-request" | "target-request" | "target-response" | "proxy-response";
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id?: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        resourceId?: string;
                        /** @description Per server group: settings that replace fields of config. */
                        serverGroupConfig?: {
                            [key: string]: {
                                [key: string]: unknown;
                            };
                        };
                        /** @description Policy type, e.g. "verify-api-key". */
                        type: string;
                    }[];
                    resources?: {
                        /** @description Also match every path below this one (default false: exact match). */
                        acceptChildPaths?: boolean;
                        /** @description Append the path after the context path to the target URL (default true); false calls the target URL as it is. */
                        forwardBasePath?: boolean;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id?: string;
                        /** @description Methods the resource accepts. */
                        methods: ("GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS")[];
                        /** @description Path under the context path, e.g. "/pets/{petId}"; "/" is the context path itself. */
                        path: string;
                    }[];
                    /** @enum {unknown} */
                    status?: "active" | "deprecated" | "retired";
                    tags?: string[];
                    target: {
                        /** @description Time the backend has to answer, in milliseconds. */
                        timeoutMs?: number;
                        /**
                         * Format: uri
                         * @description Backend base URL (http or https).
                         */
                        url: string;
                    };
                    /** @description Version label; a new version is a new project with the same name. */
                    version?: string;
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
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
                        /** @description Base path on the gateway, e.g. "/petstore/v1": segments of letters, digits and "._~-", no trailing slash. */
                        contextPath: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Free text. */
                        description: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        policies: {
                            /** @description Settings of the policy type. */
                            config: {
                                [key: string]: unknown;
                            };
                            /** @description A failure of this policy does not stop the flow. */
                            continueOnError: boolean;
                            enabled: boolean;
                            /**
                             * @description When the policy runs: proxy-request, target-request, target-response or proxy-response.
                             * @enum {unknown}
                             */
                            flow: "proxy-request" | "target-request" | "target-response" | "proxy-response";
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            resourceId?: string;
                            /** @description Per server group: settings that replace fields of config. */
                            serverGroupConfig?: {
                                [key: string]: {
                                    [key: string]: unknown;
                                };
                            };
                            /** @description Policy type, e.g. "verify-api-key". */
                            type: string;
                        }[];
                        resources: {
                            /** @description Also match every path below this one (default false: exact match). */
                            acceptChildPaths: boolean;
                            /** @description Append the path after the context path to the target URL (default true); false calls the target URL as it is. */
                            forwardBasePath: boolean;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @description Methods the resource accepts. */
                            methods: ("GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS")[];
                            /** @description Path under the context path, e.g. "/pets/{petId}"; "/" is the context path itself. */
                            path: string;
                        }[];
                        /** @enum {unknown} */
                        status: "active" | "deprecated" | "retired";
                        tags: string[];
                        target: {
                            /** @description Time the backend has to answer, in milliseconds. */
                            timeoutMs: number;
                            /**
                             * Format: uri
                             * @description Backend base URL (http or https).
                             */
                            url: string;
                        };
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                        /** @description Version label; a new version is a new project with the same name. */
                        version: string;
                    };
                };
            };
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Base path on the gateway, e.g. "/petstore/v1": segments of letters, digits and "._~-", no trailing slash. */
                        contextPath: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Free text. */
                        description: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        policies: {
                            /** @description Settings of the policy type. */
                            config: {
                                [key: string]: unknown;
                            };
                            /** @description A failure of this policy does not stop the flow. */
                            continueOnError: boolean;
                            enabled: boolean;
                            /**
                             * @description When the policy runs: proxy-request, target-request, target-response or proxy-response.
                             * @enum {unknown}
                             */
                            flow: "proxy-request" | "target-request" | "target-response" | "proxy-response";
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            resourceId?: string;
                            /** @description Per server group: settings that replace fields of config. */
                            serverGroupConfig?: {
                                [key: string]: {
                                    [key: string]: unknown;
                                };
                            };
                            /** @description Policy type, e.g. "verify-api-key". */
                            type: string;
                        }[];
                        resources: {
                            /** @description Also match every path below this one (default false: exact match). */
                            acceptChildPaths: boolean;
                            /** @description Append the path after the context path to the target URL (default true); false calls the target URL as it is. */
                            forwardBasePath: boolean;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @description Methods the resource accepts. */
                            methods: ("GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS")[];
                            /** @description Path under the context path, e.g. "/pets/{petId}"; "/" is the context path itself. */
                            path: string;
                        }[];
                        /** @enum {unknown} */
                        status: "active" | "deprecated" | "retired";
                        tags: string[];
                        target: {
                            /** @description Time the backend has to answer, in milliseconds. */
                            timeoutMs: number;
                            /**
                             * Format: uri
                             * @description Backend base URL (http or https).
                             */
                            url: string;
                        };
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                        /** @description Version label; a new version is a new project with the same name. */
                        version: string;
                    };
                };
            };
        };
    };
    deleteProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Base path on the gateway, e.g. "/petstore/v1": segments of letters, digits and "._~-", no trailing slash. */
                    contextPath?: string;
                    /** @description Free text. */
                    description?: string;
                    /** @description Display name. */
                    name?: string;
                    policies?: {
                        /** @description Settings of the policy type. */
                        config?: {
                            [key: string]: unknown;
                        };
                        continueOnError?: boolean;
                        enabled?: boolean;
                        /**
                         * @description When the policy runs: proxy-request, target-request, target-response or proxy-response.
                         * @enum {unknown}
                         */
                        flow: "proxy-request" | "target-request" | "target-response" | "proxy-response";
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id?: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        resourceId?: string;
                        /** @description Per server group: settings that replace fields of config. */
                        serverGroupConfig?: {
                            [key: string]: {
                                [key: string]: unknown;
                            };
                        };
                        /** @description Policy type, e.g. "verify-api-key". */
                        type: string;
                    }[];
                    resources?: {
                        /** @description Also match every path below this one (default false: exact match). */
                        acceptChildPaths?: boolean;
                        /** @description Append the path after the context path to the target URL (default true); false calls the target URL as it is. */
                        forwardBasePath?: boolean;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id?: string;
                        /** @description Methods the resource accepts. */
                        methods: ("GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS")[];
                        /** @description Path under the context path, e.g. "/pets/{petId}"; "/" is the context path itself. */
                        path: string;
                    }[];
                    /** @enum {unknown} */
                    status?: "active" | "deprecated" | "retired";
                    tags?: string[];
                    target?: {
                        /** @description Time the backend has to answer, in milliseconds. */
                        timeoutMs?: number;
                        /**
                         * Format: uri
                         * @description Backend base URL (http or https).
                         */
                        url: string;
                    };
                    /** @description Version label; a new version is a new project with the same name. */
                    version?: string;
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Base path on the gateway, e.g. "/petstore/v1": segments of letters, digits and "._~-", no trailing slash. */
                        contextPath: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Free text. */
                        description: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        policies: {
                            /** @description Settings of the policy type. */
                            config: {
                                [key: string]: unknown;
                            };
                            /** @description A failure of this policy does not stop the flow. */
                            continueOnError: boolean;
                            enabled: boolean;
                            /**
                             * @description When the policy runs: proxy-request, target-request, target-response or proxy-response.
                             * @enum {unknown}
                             */
                            flow: "proxy-request" | "target-request" | "target-response" | "proxy-response";
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            resourceId?: string;
                            /** @description Per server group: settings that replace fields of config. */
                            serverGroupConfig?: {
                                [key: string]: {
                                    [key: string]: unknown;
                                };
                            };
                            /** @description Policy type, e.g. "verify-api-key". */
                            type: string;
                        }[];
                        resources: {
                            /** @description Also match every path below this one (default false: exact match). */
                            acceptChildPaths: boolean;
                            /** @description Append the path after the context path to the target URL (default true); false calls the target URL as it is. */
                            forwardBasePath: boolean;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @description Methods the resource accepts. */
                            methods: ("GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS")[];
                            /** @description Path under the context path, e.g. "/pets/{petId}"; "/" is the context path itself. */
                            path: string;
                        }[];
                        /** @enum {unknown} */
                        status: "active" | "deprecated" | "retired";
                        tags: string[];
                        target: {
                            /** @description Time the backend has to answer, in milliseconds. */
                            timeoutMs: number;
                            /**
                             * Format: uri
                             * @description Backend base URL (http or https).
                             */
                            url: string;
                        };
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                        /** @description Version label; a new version is a new project with the same name. */
                        version: string;
                    };
                };
            };
        };
    };
    listDeployments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Base path on the gateway, e.g. "/petstore/v1": segments of letters, digits and "._~-", no trailing slash. */
                            contextPath: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            deployedAt: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            projectId: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            serverGroupId: string;
                        }[];
                    };
                };
            };
        };
    };
    deployProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                    serverGroupId: string;
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Base path on the gateway, e.g. "/petstore/v1": segments of letters, digits and "._~-", no trailing slash. */
                        contextPath: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        deployedAt: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        projectId: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        serverGroupId: string;
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
                        /** @description Base path on the gateway, e.g. "/petstore/v1": segments of letters, digits and "._~-", no trailing slash. */
                        contextPath: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        deployedAt: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        projectId: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        serverGroupId: string;
                    };
                };
            };
        };
    };
    undeployProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                serverGroupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Undeployed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getProjectPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            /**
                             * @description Projects only; `inherit` when left out.
                             * @enum {unknown}
                             */
                            deploy?: "allow" | "deny" | "inherit";
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            modify: "allow" | "deny" | "inherit";
                            principal: {
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                id: string;
                                /** @enum {unknown} */
                                type: "user" | "group";
                            };
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            view: "allow" | "deny" | "inherit";
                        }[];
                    };
                };
            };
        };
    };
    setProjectPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    entries: {
                        /**
                         * @description Projects only; `inherit` when left out.
                         * @enum {unknown}
                         */
                        deploy?: "allow" | "deny" | "inherit";
                        /**
                         * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                         * @enum {unknown}
                         */
                        modify: "allow" | "deny" | "inherit";
                        principal: {
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @enum {unknown} */
                            type: "user" | "group";
                        };
                        /**
                         * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                         * @enum {unknown}
                         */
                        view: "allow" | "deny" | "inherit";
                    }[];
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            /**
                             * @description Projects only; `inherit` when left out.
                             * @enum {unknown}
                             */
                            deploy?: "allow" | "deny" | "inherit";
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            modify: "allow" | "deny" | "inherit";
                            principal: {
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                id: string;
                                /** @enum {unknown} */
                                type: "user" | "group";
                            };
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            view: "allow" | "deny" | "inherit";
                        }[];
                    };
                };
            };
        };
    };
    getTrace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        expiresAt: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /** @description Most traced calls the session keeps (nodes stop capturing once they sent this many). */
                        maxCalls: number;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        projectId: string;
                        /** @description Only calls through this group; null: every group. */
                        serverGroupId: string | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        startedAt: string;
                    } | null;
                };
            };
        };
    };
    startTrace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description How long to trace; default 10 minutes. */
                    durationMinutes?: number;
                    /** @description The session keeps at most this many traced calls; default 100. */
                    maxCalls?: number;
                    /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                    serverGroupId?: string;
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
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
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        expiresAt: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /** @description Most traced calls the session keeps (nodes stop capturing once they sent this many). */
                        maxCalls: number;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        projectId: string;
                        /** @description Only calls through this group; null: every group. */
                        serverGroupId: string | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        startedAt: string;
                    };
                };
            };
        };
    };
    stopTrace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Stopped. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listTraces: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page. */
                cursor?: string;
                /** @description Page size (default 20). */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            durationMs: number;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            method: string;
                            nodeId: string;
                            path: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            receivedAt: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            serverGroupId: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            sessionId: string;
                            status: number;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last. */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    getTracedCall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                traceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description null when no backend answered (a policy answered, or the backend failed). */
                        backend: {
                            /** @description From sending the request upstream to the response head. */
                            latencyMs: number;
                            status: number;
                        } | null;
                        durationMs: number;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        nodeId: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        projectId: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        receivedAt: string;
                        request: {
                            body: {
                                /** @enum {unknown} */
                                encoding: "utf8" | "base64";
                                /** @description Bytes of the whole body. */
                                size: number;
                                /** @description UTF-8 text, or base64 when `encoding` is base64. */
                                text: string;
                                /** @description Only the first bytes (up to the trace cap) are recorded. */
                                truncated: boolean;
                            } | null;
                            headers: {
                                [key: string]: string;
                            };
                            method: string;
                            path: string;
                            /** @description Without `?`; credential parameters masked. */
                            query: string;
                        };
                        response: {
                            body: {
                                /** @enum {unknown} */
                                encoding: "utf8" | "base64";
                                /** @description Bytes of the whole body. */
                                size: number;
                                /** @description UTF-8 text, or base64 when `encoding` is base64. */
                                text: string;
                                /** @description Only the first bytes (up to the trace cap) are recorded. */
                                truncated: boolean;
                            } | null;
                            headers: {
                                [key: string]: string;
                            };
                            status: number;
                        };
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        serverGroupId: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        sessionId: string;
                        steps: {
                            code?: string;
                            durationMs: number;
                            /** @enum {unknown} */
                            flow: "proxy-request" | "target-request" | "target-response" | "proxy-response";
                            /**
                             * @description continued: the call went on; rejected: an error answer (`code`); replied: the policy answered (`status`); failed: it threw.
                             * @enum {unknown}
                             */
                            outcome: "continued" | "rejected" | "replied" | "failed";
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            policyId: string;
                            status?: number;
                            type: string;
                        }[];
                    };
                };
            };
        };
    };
    resetQuota: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                    productId: string;
                    /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                    subscriptionId: string;
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The new quota epoch; counters keyed by the previous one are no longer read. */
                        epoch: number;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        productId: string;
                        /** Format: date-time */
                        resetAt: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        subscriptionId: string;
                    };
                };
            };
        };
    };
    listServerGroups: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page. */
                cursor?: string;
                /** @description Page size (default 20). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            createdAt: string;
                            /** @description Free text. */
                            description: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @description Display name. */
                            name: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            updatedAt: string;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last. */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    createServerGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Free text. */
                    description?: string;
                    /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                    id?: string;
                    /** @description Display name. */
                    name: string;
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
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
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Free text. */
                        description: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    getServerGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Free text. */
                        description: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    deleteServerGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateServerGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Free text. */
                    description?: string;
                    /** @description Display name. */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Free text. */
                        description: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    listServerGroupNodes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Base URL clients call. */
                            address: string;
                            /** @description Configuration version of the snapshot it serves. */
                            configVersion: number | null;
                            /** @description host:port of the node. */
                            id: string;
                            /** Format: date-time */
                            lastSeenAt: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            serverGroupId: string;
                            /** Format: date-time */
                            startedAt: string;
                            /**
                             * @description offline when not seen for 15 s.
                             * @enum {unknown}
                             */
                            status: "online" | "offline";
                        }[];
                    };
                };
            };
        };
    };
    listSubscriptions: {
        parameters: {
            query?: {
                /** @description Only subscriptions of this client. */
                clientId?: string;
                /** @description nextCursor of the previous page. */
                cursor?: string;
                /** @description Page size (default 20). */
                limit?: number;
                /** @description Only subscriptions of this organization's clients. */
                organizationId?: string;
                /** @description Only subscriptions holding a key for this product. */
                productId?: string;
                /** @description Case-insensitive text in the id or name (% and _ are not wildcards). */
                q?: string;
                /** @description Only subscriptions in this status. */
                status?: "active" | "pending" | "revoked";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            clientId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            createdAt: string;
                            /** @description Free text. */
                            description: string;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @description Display name. */
                            name: string;
                            products: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time.
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time.
                                 */
                                keyIssuedAt: string;
                                /** @description The first characters of the consumer key, to recognise it. */
                                keyPrefix: string;
                                /** @description After a regeneration with a grace period: until when the previous key still works. */
                                previousKeyExpiresAt: string | null;
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                productId: string;
                                ratePlanId: string | null;
                                /**
                                 * @description Approval state of the product key: pending until approved when the product wants manual approval.
                                 * @enum {unknown}
                                 */
                                status: "approved" | "pending" | "revoked";
                            }[];
                            /** @description Name → value pairs (at most 100). */
                            properties: {
                                [key: string]: string;
                            };
                            /** @description OAuth redirect URI. */
                            redirectUri: string | null;
                            /** @enum {unknown} */
                            status: "active" | "pending" | "revoked";
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            updatedAt: string;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last. */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    createSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                    clientId: string;
                    /** @description Free text. */
                    description?: string;
                    /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                    id?: string;
                    /** @description Display name. */
                    name: string;
                    /** @description Subscribed products. On update the list replaces the current one: new products get keys, missing ones are removed. */
                    products: {
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        productId: string;
                        ratePlanId?: string | null;
                    }[];
                    /** @description Name → value pairs (at most 100). */
                    properties?: {
                        [key: string]: string;
                    };
                    /** @description OAuth redirect URI. */
                    redirectUri?: string | null;
                    /** @enum {unknown} */
                    status?: "active" | "pending" | "revoked";
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
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
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        clientId: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Free text. */
                        description: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        products: {
                            /** @description Shown only in the response that issued it. */
                            consumerKey?: string;
                            /** @description Shown only in the response that issued it. */
                            consumerSecret?: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            keyIssuedAt: string;
                            /** @description The first characters of the consumer key, to recognise it. */
                            keyPrefix: string;
                            /** @description After a regeneration with a grace period: until when the previous key still works. */
                            previousKeyExpiresAt: string | null;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            productId: string;
                            ratePlanId: string | null;
                            /**
                             * @description Approval state of the product key: pending until approved when the product wants manual approval.
                             * @enum {unknown}
                             */
                            status: "approved" | "pending" | "revoked";
                        }[];
                        /** @description Name → value pairs (at most 100). */
                        properties: {
                            [key: string]: string;
                        };
                        /** @description OAuth redirect URI. */
                        redirectUri: string | null;
                        /** @enum {unknown} */
                        status: "active" | "pending" | "revoked";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    getSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        clientId: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Free text. */
                        description: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        products: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            keyIssuedAt: string;
                            /** @description The first characters of the consumer key, to recognise it. */
                            keyPrefix: string;
                            /** @description After a regeneration with a grace period: until when the previous key still works. */
                            previousKeyExpiresAt: string | null;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            productId: string;
                            ratePlanId: string | null;
                            /**
                             * @description Approval state of the product key: pending until approved when the product wants manual approval.
                             * @enum {unknown}
                             */
                            status: "approved" | "pending" | "revoked";
                        }[];
                        /** @description Name → value pairs (at most 100). */
                        properties: {
                            [key: string]: string;
                        };
                        /** @description OAuth redirect URI. */
                        redirectUri: string | null;
                        /** @enum {unknown} */
                        status: "active" | "pending" | "revoked";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    deleteSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Free text. */
                    description?: string;
                    /** @description Display name. */
                    name?: string;
                    /** @description Subscribed products. On update the list replaces the current one: new products get keys, missing ones are removed. */
                    products?: {
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        productId: string;
                        ratePlanId?: string | null;
                    }[];
                    /** @description Name → value pairs (at most 100). */
                    properties?: {
                        [key: string]: string;
                    };
                    /** @description OAuth redirect URI. */
                    redirectUri?: string | null;
                    /** @enum {unknown} */
                    status?: "active" | "pending" | "revoked";
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        clientId: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Free text. */
                        description: string;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        products: {
                            /** @description Shown only in the response that issued it. */
                            consumerKey?: string;
                            /** @description Shown only in the response that issued it. */
                            consumerSecret?: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            keyIssuedAt: string;
                            /** @description The first characters of the consumer key, to recognise it. */
                            keyPrefix: string;
                            /** @description After a regeneration with a grace period: until when the previous key still works. */
                            previousKeyExpiresAt: string | null;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            productId: string;
                            ratePlanId: string | null;
                            /**
                             * @description Approval state of the product key: pending until approved when the product wants manual approval.
                             * @enum {unknown}
                             */
                            status: "approved" | "pending" | "revoked";
                        }[];
                        /** @description Name → value pairs (at most 100). */
                        properties: {
                            [key: string]: string;
                        };
                        /** @description OAuth redirect URI. */
                        redirectUri: string | null;
                        /** @enum {unknown} */
                        status: "active" | "pending" | "revoked";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                    };
                };
            };
        };
    };
    getSubscriptionMonetization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        products: {
                            /** @description A change that takes effect at the start of the next billing period; null: none pending. */
                            next: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time.
                                 */
                                from: string;
                                ratePlanId: string | null;
                            } | null;
                            /** @description The billing period now running under the plan in effect. */
                            period: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time.
                                 */
                                end: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time.
                                 */
                                start: string;
                            } | null;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            productId: string;
                            /** @description The plan in effect now, and since when without a break; null: no plan (calls are refused by the limit check). */
                            ratePlan: {
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                id: string;
                                name: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time.
                                 */
                                since: string;
                            } | null;
                            /** @description The running period’s usage and charge; null without a plan in effect. */
                            usage: {
                                billableCalls: number;
                                /** @description Calls so far in the running period. */
                                calls: number;
                                /** @description What the period has charged so far, minor units: fees and priced calls. */
                                charge: number;
                                currency: string;
                                /** @description The charge at the period’s end if billable calls go on at the rate so far (linear), minor units. */
                                projectedCharge: number;
                            } | null;
                        }[];
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        subscriptionId: string;
                    };
                };
            };
        };
    };
    getSubscriptionPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            /**
                             * @description Projects only; `inherit` when left out.
                             * @enum {unknown}
                             */
                            deploy?: "allow" | "deny" | "inherit";
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            modify: "allow" | "deny" | "inherit";
                            principal: {
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                id: string;
                                /** @enum {unknown} */
                                type: "user" | "group";
                            };
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            view: "allow" | "deny" | "inherit";
                        }[];
                    };
                };
            };
        };
    };
    setSubscriptionPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    entries: {
                        /**
                         * @description Projects only; `inherit` when left out.
                         * @enum {unknown}
                         */
                        deploy?: "allow" | "deny" | "inherit";
                        /**
                         * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                         * @enum {unknown}
                         */
                        modify: "allow" | "deny" | "inherit";
                        principal: {
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @enum {unknown} */
                            type: "user" | "group";
                        };
                        /**
                         * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                         * @enum {unknown}
                         */
                        view: "allow" | "deny" | "inherit";
                    }[];
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            /**
                             * @description Projects only; `inherit` when left out.
                             * @enum {unknown}
                             */
                            deploy?: "allow" | "deny" | "inherit";
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            modify: "allow" | "deny" | "inherit";
                            principal: {
                                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                                id: string;
                                /** @enum {unknown} */
                                type: "user" | "group";
                            };
                            /**
                             * @description `allow` grants the right on this object, `deny` removes it, `inherit` leaves it to the next level of the rule.
                             * @enum {unknown}
                             */
                            view: "allow" | "deny" | "inherit";
                        }[];
                    };
                };
            };
        };
    };
    approveKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        keyIssuedAt: string;
                        /** @description The first characters of the consumer key, to recognise it. */
                        keyPrefix: string;
                        /** @description After a regeneration with a grace period: until when the previous key still works. */
                        previousKeyExpiresAt: string | null;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        productId: string;
                        ratePlanId: string | null;
                        /**
                         * @description Approval state of the product key: pending until approved when the product wants manual approval.
                         * @enum {unknown}
                         */
                        status: "approved" | "pending" | "revoked";
                    };
                };
            };
        };
    };
    regenerateKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                productId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description How long the previous key keeps working (default 0). */
                    graceSeconds?: number;
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Shown only in the response that issued it. */
                        consumerKey?: string;
                        /** @description Shown only in the response that issued it. */
                        consumerSecret?: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        keyIssuedAt: string;
                        /** @description The first characters of the consumer key, to recognise it. */
                        keyPrefix: string;
                        /** @description After a regeneration with a grace period: until when the previous key still works. */
                        previousKeyExpiresAt: string | null;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        productId: string;
                        ratePlanId: string | null;
                        /**
                         * @description Approval state of the product key: pending until approved when the product wants manual approval.
                         * @enum {unknown}
                         */
                        status: "approved" | "pending" | "revoked";
                    };
                };
            };
        };
    };
    revokeKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                id: string;
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        keyIssuedAt: string;
                        /** @description The first characters of the consumer key, to recognise it. */
                        keyPrefix: string;
                        /** @description After a regeneration with a grace period: until when the previous key still works. */
                        previousKeyExpiresAt: string | null;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        productId: string;
                        ratePlanId: string | null;
                        /**
                         * @description Approval state of the product key: pending until approved when the product wants manual approval.
                         * @enum {unknown}
                         */
                        status: "approved" | "pending" | "revoked";
                    };
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page. */
                cursor?: string;
                /** @description Only direct members of this group. */
                groupId?: string;
                /** @description Page size (default 20). */
                limit?: number;
                /** @description Only active or only disabled users. */
                status?: "active" | "disabled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            createdAt: string;
                            /** @description Display name. */
                            displayName: string;
                            /**
                             * Format: email
                             * @description E-mail address.
                             */
                            email: string;
                            /** @description The groups the user is a direct member of (`everyone` always, implicitly); groups nested in them count too. */
                            groups: string[];
                            /**
                             * @description A disabled user cannot log in; their sessions and tokens stop working.
                             * @enum {unknown}
                             */
                            status: "active" | "disabled";
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            updatedAt: string;
                            /** @description Lower-case letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            username: string;
                        }[];
                        /** @description Pass as cursor for the next page; null on the last. */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Display name. */
                    displayName: string;
                    /**
                     * Format: email
                     * @description E-mail address.
                     */
                    email: string;
                    /** @description Groups to add the user to. */
                    groups?: string[];
                    /** @description 10 to 200 characters; stored only as a scrypt hash. */
                    password: string;
                    /** @description Lower-case letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                    username: string;
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
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
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Display name. */
                        displayName: string;
                        /**
                         * Format: email
                         * @description E-mail address.
                         */
                        email: string;
                        /** @description The groups the user is a direct member of (`everyone` always, implicitly); groups nested in them count too. */
                        groups: string[];
                        /**
                         * @description A disabled user cannot log in; their sessions and tokens stop working.
                         * @enum {unknown}
                         */
                        status: "active" | "disabled";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                        /** @description Lower-case letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        username: string;
                    };
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Display name. */
                        displayName: string;
                        /**
                         * Format: email
                         * @description E-mail address.
                         */
                        email: string;
                        /** @description The groups the user is a direct member of (`everyone` always, implicitly); groups nested in them count too. */
                        groups: string[];
                        /**
                         * @description A disabled user cannot log in; their sessions and tokens stop working.
                         * @enum {unknown}
                         */
                        status: "active" | "disabled";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                        /** @description Lower-case letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        username: string;
                    };
                };
            };
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Display name. */
                    displayName?: string;
                    /**
                     * Format: email
                     * @description E-mail address.
                     */
                    email?: string;
                    /** @description Replaces the direct memberships. */
                    groups?: string[];
                    /** @description 10 to 200 characters; stored only as a scrypt hash. */
                    password?: string;
                    /**
                     * @description A disabled user cannot log in; their sessions and tokens stop working.
                     * @enum {unknown}
                     */
                    status?: "active" | "disabled";
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        /** @description Display name. */
                        displayName: string;
                        /**
                         * Format: email
                         * @description E-mail address.
                         */
                        email: string;
                        /** @description The groups the user is a direct member of (`everyone` always, implicitly); groups nested in them count too. */
                        groups: string[];
                        /**
                         * @description A disabled user cannot log in; their sessions and tokens stop working.
                         * @enum {unknown}
                         */
                        status: "active" | "disabled";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        updatedAt: string;
                        /** @description Lower-case letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        username: string;
                    };
                };
            };
        };
    };
    listApiTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time.
                             */
                            createdAt: string;
                            expiresAt: string | null;
                            /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                            id: string;
                            /** @description Display name. */
                            name: string;
                            /** @description The first characters of the token, to recognise it. */
                            prefix: string;
                        }[];
                    };
                };
            };
        };
    };
    createApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Default: never expires. */
                    expiresInDays?: number;
                    /** @description Display name. */
                    name: string;
                };
            };
        };
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
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
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time.
                         */
                        createdAt: string;
                        expiresAt: string | null;
                        /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        /** @description The first characters of the token, to recognise it. */
                        prefix: string;
                        /** @description Shown once; only its digest is stored. */
                        token: string;
                    };
                };
            };
        };
    };
    revokeApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Lower-case slug: letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                tokenId: string;
                /** @description Lower-case letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters. */
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        /** @description Stable error code (docs/errors.md). */
                        code: string;
                        detail: string;
                        /** @description Field path → message. */
                        fields?: {
                            [key: string]: string;
                        };
                        requestId: string;
                        status: number;
                        title: string;
                        /** @description URI naming the error code. */
                        type: string;
                    };
                };
            };
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
