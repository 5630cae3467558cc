package com.tiercrm.order;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Orders by customer, newest first, and their totals computed in the database (net of
 * returns, which are orders with a negative amount).
 */
public interface SalesOrderRepository extends ListCrudRepository<SalesOrder, Long> {

	List<SalesOrder> findByCustomerIdOrderByOrderedAtDescIdDesc(long customerId, Limit limit);

	@Query("""
			select new com.tiercrm.order.OrderTotals(count(case when o.amount >= 0 then 1 end), sum(o.amount),
			  sum(o.grossProfit), min(case when o.amount >= 0 then o.orderedAt end),
			  max(case when o.amount >= 0 then o.orderedAt end), count(case when o.amount < 0 then 1 end),
			  sum(case when o.amount < 0 then o.amount end))
			from SalesOrder o where o.customerId = :customerId and o.status = com.tiercrm.order.OrderStatus.COMPLETED""")
	OrderTotals totalsOfCustomer(long customerId);

	List<SalesOrder> findByCustomerIdOrderByOrderedAtDescIdDesc(long customerId, Pageable pageable);

	long countByCustomerId(long customerId);

	boolean existsByOrderNo(String orderNo);

}
