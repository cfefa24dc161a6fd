-- One counted click of one link in one mail.
INSERT INTO clicks (delivery_id, link_id, clicked_at) VALUES (:deliveryId, :linkId, :at)
