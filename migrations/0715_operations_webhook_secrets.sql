-- Webhook signing secrets are kept encrypted (AES-256-GCM under a key derived from WALLET_KEY, which
-- never enters the database): secret_sealed is 'v1.<iv>.<tag>.<ciphertext>' bound to the row's
-- (mpp_id, id). The plain `secret` of subscriptions made before stays only until the server starts:
-- at start it seals each one and clears the plain column (src/operations/webhooks-service.ts
-- sealPlainSecrets), as SQL alone cannot reach the key.
ALTER TABLE webhook_subscriptions ALTER COLUMN secret DROP NOT NULL;
ALTER TABLE webhook_subscriptions ADD COLUMN secret_sealed text;
ALTER TABLE webhook_subscriptions ADD CONSTRAINT webhook_subscriptions_secret_kept CHECK (secret IS NOT NULL OR secret_sealed IS NOT NULL);
