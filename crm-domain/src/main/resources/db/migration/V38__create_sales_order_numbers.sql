-- Numbers for orders recorded in the application without one (CRM-000001, ...).
CREATE SEQUENCE sales_order_numbers START WITH 1 INCREMENT BY 1;
