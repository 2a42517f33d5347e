package org.stockroom.location;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.enterprise.event.Event;
import org.stockroom.rules.AlreadyExistsException;
import org.stockroom.rules.NotFoundException;

import java.util.List;

/** Use cases of the stockroom's locations; a new one is announced ({@link LocationCreated}) in its transaction, for the audit trail. */
@ApplicationScoped
public class LocationService {

    private final LocationRepository locations;
    private final Event<LocationCreated> created;

    @Inject
    public LocationService(LocationRepository locations, Event<LocationCreated> created) {
        this.locations = locations;
        this.created = created;
    }

    @Transactional
    public Location create(LocationCode code, String name) {
        if (locations.existsByCode(code.value())) {
            throw new AlreadyExistsException("location", "code", code.value());
        }
        Location location = new Location(code, name);
        locations.add(location);
        locations.flush();
        created.fire(new LocationCreated(location));
        return location;
    }

    @Transactional
    public Location get(String code) {
        return locations.findByCode(code).orElseThrow(() -> new NotFoundException("location", code));
    }

    @Transactional
    public List<Location> list(String afterCode, int limit) {
        return locations.list(afterCode, limit);
    }
}
