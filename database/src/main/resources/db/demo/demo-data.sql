-- Demo data for a first run: a small hardware stockroom with a few weeks of history.
-- Loaded by DemoData only into an empty database, in one transaction.

insert into location (code, name) values
    ('MAIN',   'Main warehouse'),
    ('SHOP',   'Shop floor'),
    ('VAN-1',  'Service van 1');

insert into product (sku, name, description, unit_of_measure, category, reorder_point) values
    ('BOLT-M8-40',   'Hex bolt M8 x 40 mm',        'Zinc plated, grade 8.8',              'EA',  'Fasteners',   200),
    ('NUT-M8',       'Hex nut M8',                 'Zinc plated, grade 8',                'EA',  'Fasteners',   200),
    ('WASH-M8',      'Flat washer M8',             'DIN 125, zinc plated',                'EA',  'Fasteners',   300),
    ('SCREW-4X40',   'Wood screw 4 x 40 mm',       'Pozidriv, countersunk, box of 200',   'BOX', 'Fasteners',    10),
    ('ANCHOR-8',     'Wall plug 8 mm',             'Nylon, for brick and concrete',       'EA',  'Fasteners',   100),
    ('TAPE-PTFE',    'PTFE thread seal tape',      '12 mm x 12 m',                        'ROLL','Plumbing',     20),
    ('PIPE-CU-15',   'Copper pipe 15 mm',          'Half-hard, 3 m length',               'EA',  'Plumbing',     15),
    ('ELBOW-CU-15',  'Copper elbow 15 mm',         'End feed, 90 degrees',                'EA',  'Plumbing',     40),
    ('VALVE-ISO-15', 'Isolating valve 15 mm',      'Chrome plated, compression',          'EA',  'Plumbing',     10),
    ('CABLE-25-100', 'Twin and earth cable 2.5mm', '100 m drum',                          'DRUM','Electrical',    2),
    ('SOCKET-2G',    'Double socket, switched',    'White, 13 A',                         'EA',  'Electrical',   12),
    ('MCB-B32',      'Circuit breaker B32',        'Single pole, 6 kA',                   'EA',  'Electrical',    6),
    ('GLOVE-L',      'Work gloves, large',         'Nitrile coated',                      'PAIR','Safety',       25),
    ('GOGGLES',      'Safety goggles',             'Anti-fog, EN 166',                    'EA',  'Safety',       10),
    ('MASK-FFP2',    'Dust mask FFP2',             'Box of 10',                           'BOX', 'Safety',        5),
    ('DRILL-BIT-6',  'Masonry drill bit 6 mm',     'Carbide tipped, 150 mm',              'EA',  'Tools',        15),
    ('BLADE-HACK',   'Hacksaw blade',              '300 mm, 24 TPI, pack of 5',           'PACK','Tools',         8),
    ('SILICONE-W',   'Sanitary silicone, white',   '310 ml cartridge',                    'EA',  'Sealants',     12);

-- The ledger: what happened, in order, recorded by the first admin ('admin'). Stock levels are
-- derived from it below.
insert into stock_movement (movement_type, product_id, from_location_id, to_location_id,
                            quantity, reason, reference, occurred_at, recorded_by)
select m.movement_type, p.id, f.id, t.id, m.quantity, m.reason, m.reference,
       now() - make_interval(days => m.days_ago), 'admin'
  from (values
    ('RECEIVE',  'BOLT-M8-40',   null,    'MAIN',  1000, null,                   'PO-1001', 30),
    ('RECEIVE',  'NUT-M8',       null,    'MAIN',  1000, null,                   'PO-1001', 30),
    ('RECEIVE',  'WASH-M8',      null,    'MAIN',  1500, null,                   'PO-1001', 30),
    ('RECEIVE',  'SCREW-4X40',   null,    'MAIN',    40, null,                   'PO-1002', 29),
    ('RECEIVE',  'ANCHOR-8',     null,    'MAIN',   500, null,                   'PO-1002', 29),
    ('RECEIVE',  'TAPE-PTFE',    null,    'MAIN',    60, null,                   'PO-1003', 28),
    ('RECEIVE',  'PIPE-CU-15',   null,    'MAIN',    40, null,                   'PO-1003', 28),
    ('RECEIVE',  'ELBOW-CU-15',  null,    'MAIN',   150, null,                   'PO-1003', 28),
    ('RECEIVE',  'VALVE-ISO-15', null,    'MAIN',    30, null,                   'PO-1003', 28),
    ('RECEIVE',  'CABLE-25-100', null,    'MAIN',     6, null,                   'PO-1004', 27),
    ('RECEIVE',  'SOCKET-2G',    null,    'MAIN',    48, null,                   'PO-1004', 27),
    ('RECEIVE',  'MCB-B32',      null,    'MAIN',    20, null,                   'PO-1004', 27),
    ('RECEIVE',  'GLOVE-L',      null,    'MAIN',   100, null,                   'PO-1005', 26),
    ('RECEIVE',  'GOGGLES',      null,    'MAIN',    30, null,                   'PO-1005', 26),
    ('RECEIVE',  'MASK-FFP2',    null,    'MAIN',     8, null,                   'PO-1005', 26),
    ('RECEIVE',  'DRILL-BIT-6',  null,    'MAIN',    40, null,                   'PO-1006', 25),
    ('RECEIVE',  'SILICONE-W',   null,    'MAIN',    36, null,                   'PO-1006', 25),
    ('TRANSFER', 'BOLT-M8-40',   'MAIN',  'SHOP',   200, 'Shelf restock',        null,      20),
    ('TRANSFER', 'NUT-M8',       'MAIN',  'SHOP',   200, 'Shelf restock',        null,      20),
    ('TRANSFER', 'SOCKET-2G',    'MAIN',  'SHOP',    12, 'Shelf restock',        null,      20),
    ('TRANSFER', 'GLOVE-L',      'MAIN',  'VAN-1',   10, 'Van kit',              null,      19),
    ('TRANSFER', 'PIPE-CU-15',   'MAIN',  'VAN-1',    6, 'Van kit',              null,      19),
    ('TRANSFER', 'ELBOW-CU-15',  'MAIN',  'VAN-1',   20, 'Van kit',              null,      19),
    ('ISSUE',    'BOLT-M8-40',   'SHOP',  null,     150, null,                   'SO-2001', 15),
    ('ISSUE',    'NUT-M8',       'SHOP',  null,     150, null,                   'SO-2001', 15),
    ('ISSUE',    'SCREW-4X40',   'MAIN',  null,      34, null,                   'SO-2002', 12),
    ('ISSUE',    'CABLE-25-100', 'MAIN',  null,       5, null,                   'JOB-311', 10),
    ('ISSUE',    'MCB-B32',      'MAIN',  null,      16, null,                   'JOB-311', 10),
    ('ISSUE',    'ELBOW-CU-15',  'VAN-1', null,      14, null,                   'JOB-314',  8),
    ('ISSUE',    'MASK-FFP2',    'MAIN',  null,       5, null,                   'JOB-315',  6),
    ('ISSUE',    'GOGGLES',      'MAIN',  null,       4, null,                   'JOB-315',  6),
    ('ADJUST',   'WASH-M8',      null,    'MAIN',   -25, 'Cycle count: bag split', null,     5),
    ('ADJUST',   'DRILL-BIT-6',  null,    'MAIN',    -2, 'Damaged in storage',   null,       4),
    ('ISSUE',    'SILICONE-W',   'MAIN',  null,      28, null,                   'SO-2007',  2)
  ) as m(movement_type, sku, from_code, to_code, quantity, reason, reference, days_ago)
  join product p on p.sku = m.sku
  left join location f on f.code = m.from_code
  left join location t on t.code = m.to_code
 order by m.days_ago desc;

insert into stock_level (product_id, location_id, on_hand)
select product_id, location_id, sum(delta)
  from stock_ledger_entry
 group by product_id, location_id;
