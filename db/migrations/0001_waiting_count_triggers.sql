-- Keep waiting_counts equal to the number of tickets with status 'waiting' per service.
CREATE TRIGGER tickets_waiting_insert AFTER INSERT ON tickets WHEN NEW.status = 'waiting'
BEGIN
  INSERT INTO waiting_counts (service_id, count) VALUES (NEW.service_id, 1)
    ON CONFLICT (service_id) DO UPDATE SET count = count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER tickets_waiting_update AFTER UPDATE OF status, service_id ON tickets
  WHEN OLD.status = 'waiting' OR NEW.status = 'waiting'
BEGIN
  UPDATE waiting_counts SET count = count - 1 WHERE OLD.status = 'waiting' AND service_id = OLD.service_id;
  INSERT INTO waiting_counts (service_id, count) SELECT NEW.service_id, 1 WHERE NEW.status = 'waiting'
    ON CONFLICT (service_id) DO UPDATE SET count = count + 1;
END;
