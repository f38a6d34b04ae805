-- A small synthetic CRM database for 'pii-scanner scan db' (H2 syntax). Every value is invented or a published
-- test value: example.com/example.org addresses (RFC 2606), libphonenumber-style GB numbers, card issuers' test
-- numbers, the IBAN registry's GB example, HMRC's QQ... NI numbers (never issued), documentation IP ranges
-- (RFC 5737). Safe to run more than once (H2's INIT runs it for every connection): tables are created if missing
-- and rows merged by key.
--
--   java -jar scanner/target/pii-scanner.jar scan db \
--     "jdbc:h2:mem:sample;DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM 'samples/db/sample.sql'"

CREATE SCHEMA IF NOT EXISTS crm;

CREATE TABLE IF NOT EXISTS crm.customers (
    id            INTEGER PRIMARY KEY,
    first_name    VARCHAR(60),
    last_name     VARCHAR(60),
    email         VARCHAR(200),
    phone         VARCHAR(40),
    postcode      VARCHAR(10),
    date_of_birth DATE,
    ni_number     VARCHAR(13),
    email_count   INTEGER,
    updated_at    TIMESTAMP
);
COMMENT ON COLUMN crm.customers.ni_number IS 'National Insurance number, for payroll customers';

MERGE INTO crm.customers KEY (id) VALUES
 (1, 'Alice', 'Smith', 'alice.smith@example.com', '07400 123456', 'SW1A 1AA', DATE '1985-03-12', 'QQ 12 34 56 A', 3, TIMESTAMP '2024-01-05 10:00:00'),
 (2, 'Bob', 'Jones', 'bob.jones@example.org', '07400 123457', 'M1 1AE', DATE '1972-11-30', 'QQ 12 34 56 B', 1, TIMESTAMP '2024-01-06 11:30:00'),
 (3, 'Carol', 'Taylor', 'carol.taylor@example.com', '0121 234 5678', 'EC1A 1BB', DATE '1990-07-01', 'QQ 12 34 56 C', 0, TIMESTAMP '2024-02-01 09:15:00'),
 (4, 'David', 'Brown', 'david.brown@example.net', '07400 123458', 'B33 8TH', DATE '1968-05-23', 'QQ 12 34 56 D', 7, TIMESTAMP '2024-02-11 16:45:00'),
 (5, 'Eve', 'Wilson', 'eve.wilson@example.com', '0121 234 5679', 'CR2 6XH', DATE '2001-12-24', NULL, 2, TIMESTAMP '2024-03-02 08:00:00'),
 (6, 'Frank', 'Evans', 'frank.evans@example.org', '07400 123459', 'DN55 1PT', DATE '1959-09-09', NULL, 0, TIMESTAMP '2024-03-09 12:00:00');

CREATE TABLE IF NOT EXISTS crm.orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    status      VARCHAR(20),
    total       DECIMAL(10, 2),
    placed_at   TIMESTAMP
);

MERGE INTO crm.orders KEY (id) VALUES
 (101, 1, 'SHIPPED', 42.50, TIMESTAMP '2024-03-01 10:00:00'),
 (102, 2, 'PAID', 19.99, TIMESTAMP '2024-03-02 11:00:00'),
 (103, 3, 'CANCELLED', 5.00, TIMESTAMP '2024-03-03 12:00:00'),
 (104, 4, 'SHIPPED', 120.00, TIMESTAMP '2024-03-04 13:00:00'),
 (105, 1, 'PAID', 7.25, TIMESTAMP '2024-03-05 14:00:00');

CREATE TABLE IF NOT EXISTS crm.payments (
    order_id    INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    card_number VARCHAR(25),
    iban        VARCHAR(40),
    amount      DECIMAL(10, 2),
    PRIMARY KEY (order_id, line)
);

MERGE INTO crm.payments KEY (order_id, line) VALUES
 (101, 1, '4242 4242 4242 4242', NULL, 42.50),
 (102, 1, '5555 5555 5555 4444', NULL, 19.99),
 (104, 1, NULL, 'GB29 NWBK 6016 1331 9268 19', 100.00),
 (104, 2, '4000 0566 5566 5556', NULL, 20.00),
 (105, 1, '4242 4242 4242 4242', NULL, 7.25);

CREATE TABLE IF NOT EXISTS crm.support_tickets (
    ticket_ref VARCHAR(20) PRIMARY KEY,
    customer_id INTEGER,
    subject    VARCHAR(200),
    notes      VARCHAR(4000)
);

MERGE INTO crm.support_tickets KEY (ticket_ref) VALUES
 ('T-1001', 1, 'Delivery address change', 'Customer asked us to send future orders to SW1A 1AA and to call her on 07400 123456 before delivery.'),
 ('T-1002', 2, 'Refund request', 'Refund to be paid by bank transfer, customer confirmed his email bob.jones@example.org in the call.'),
 ('T-1003', 3, 'Password reset', 'Reset link sent again after the first one expired; no other details discussed with the caller.'),
 ('T-1004', 4, 'Complaint', 'Customer says the courier left the parcel outside; asked for a call back on 0121 234 5678 after 5pm.');

CREATE TABLE IF NOT EXISTS crm.marketing_consents (
    customer_id      INTEGER PRIMARY KEY,
    marketing_opt_in BOOLEAN NOT NULL,
    channel          VARCHAR(20),
    consented_at     TIMESTAMP
);

MERGE INTO crm.marketing_consents KEY (customer_id) VALUES
 (1, TRUE, 'EMAIL', TIMESTAMP '2023-12-01 09:00:00'),
 (2, FALSE, NULL, NULL),
 (3, TRUE, 'SMS', TIMESTAMP '2024-01-15 18:20:00'),
 (4, TRUE, 'POST', TIMESTAMP '2024-02-02 07:45:00');

-- No primary key: rows are located by a keyed hash of their values.
CREATE TABLE IF NOT EXISTS crm.web_access_log (
    requested_at TIMESTAMP,
    ip_address   VARCHAR(45),
    request_path VARCHAR(200),
    status_code  INTEGER
);

INSERT INTO crm.web_access_log
SELECT * FROM (VALUES
 (TIMESTAMP '2024-03-01 10:00:01', '192.0.2.10', '/account', 200),
 (TIMESTAMP '2024-03-01 10:00:05', '198.51.100.23', '/login', 302),
 (TIMESTAMP '2024-03-01 10:01:00', '203.0.113.7', '/orders/101', 200),
 (TIMESTAMP '2024-03-01 10:02:30', '2001:db8::1', '/account', 200))
WHERE NOT EXISTS (SELECT 1 FROM crm.web_access_log);
