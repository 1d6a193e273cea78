A rail line between Northvale and Brindle opened on October 19, 1998.
Ticket sales passed 10,000 in two days and Brindle shops got busier.
